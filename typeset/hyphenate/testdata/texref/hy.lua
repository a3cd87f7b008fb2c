-- Hyphenates a word list with LuaTeX's own implementation of Liang's
-- algorithm (lang.hyphenate), reading the patterns and exceptions straight
-- from a hyph-utf8 .tex file. Run by mkgolden.go through
--   luatex --ini run.tex
-- with the environment variables below; writes one hyphenated word a line.
local texfile = os.getenv("HY_TEX")
local wordfile = os.getenv("HY_WORDS")
local outfile = os.getenv("HY_OUT")
local lmin = tonumber(os.getenv("HY_LEFT"))
local rmin = tonumber(os.getenv("HY_RIGHT"))

local f = assert(io.open(texfile))
local text = f:read("*a")
f:close()
text = text:gsub("%%[^\n]*", "")
local pats = assert(text:match("\\patterns{(.-)}"))
local exc = text:match("\\hyphenation{(.-)}")

local l = lang.new()
local function letters(s)
  for _, c in utf8.codes(s) do
    if c > 32 and c ~= 46 and c ~= 45 and not (c >= 48 and c <= 57) then
      tex.setlccode(c, c)
      l:sethjcode(c, c)
    end
  end
end
letters(pats)
l:patterns(pats)
if exc then
  letters(exc)
  l:hyphenation(exc)
end

local GLYPH, DISC = node.id("glyph"), node.id("disc")
local out = assert(io.open(outfile, "w"))
for w in io.lines(wordfile) do
  local head, prev
  local function add(n)
    if prev then prev.next = n; n.prev = prev else head = n end
    prev = n
  end
  add(node.new("glue"))
  for _, c in utf8.codes(w) do
    local g = node.new("glyph")
    g.subtype = 1
    g.char = c
    g.font = font.current()
    g.lang = l:id()
    g.left = lmin
    g.right = rmin
    add(g)
  end
  add(node.new("glue"))
  lang.hyphenate(head)
  local s = {}
  for n in node.traverse(head) do
    if n.id == GLYPH then
      s[#s + 1] = utf8.char(n.char)
    elseif n.id == DISC then
      s[#s + 1] = "-"
    end
  end
  out:write(table.concat(s), "\n")
  node.flush_list(head)
end
out:close()
