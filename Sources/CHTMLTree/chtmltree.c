/* The compact HTML tree behind `memoscope_html_build`; see chtmltree.h. */

#include "chtmltree.h"

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/** The most kept attribute values read ahead for one tag: each kept name once. */
#define MEMOSCOPE_PENDING_MAX 16

/** The most spans one tag has cut out of the input; spaces beyond stay for libxml2 to skip. */
#define MEMOSCOPE_GAP_MAX 64

/** What the SAX callbacks share (`parser->_private`): the tree being built, and the kept
    attribute values of the next start tag, read ahead of libxml2 by
    `memoscope_blank_next_tag_attributes` (see there). Positions count bytes from the start of
    the input (`consumed` plus the offset in the current buffer), so they survive libxml2
    shrinking its buffer. */
typedef struct {
  memoscope_tree *tree;
  /* The tag the values belong to: where its `<` is, where its `>` (or `/>`) is, its name. */
  unsigned long pendingStart, pendingEnd;
  xmlChar pendingName[101];
  int pendingCount;
  struct {
    xmlChar name[16];
    uint32_t offset, length;
  } pending[MEMOSCOPE_PENDING_MAX];
} memoscope_builder;

/** A position in the input counted from its start (see `memoscope_builder`). */
static unsigned long memoscope_position(xmlParserInputPtr input, const xmlChar *at) {
  return input->consumed + (unsigned long)(at - input->base);
}

static uint32_t memoscope_tree_add_bytes(memoscope_tree *tree, const xmlChar *bytes, size_t length);

/** Parse options for untrusted pages; XML_PARSE_HUGE lifts the depth-256 and 10 MB limits. */
int memoscope_html_parse_options(void) {
  return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
         HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
}

/* ---------------------------------------------------------------------------------------------
   Savings of the compact builder below (`memoscope_html_build`), both made inside libxml2's SAX
   start-element callback, so libxml2's parser (auto-closing, implied elements, recovery) runs
   unchanged:

   1. Attributes: only the names `memoscope_is_kept_attribute` lists (those extraction reads)
      are kept (no href, src, data-*...).
   2. Raw text: the content of `<script>` and `<style>` (about half the bytes of a news page) is
      skipped in one byte scan instead of libxml2's character-by-character copy into a node
      nobody reads. JSON-LD scripts (read for metadata) are parsed as usual.
   --------------------------------------------------------------------------------------------- */

/** The kept attribute names, as static strings: one pointer per name, so callers compare
    names by pointer once looked up. */
static const char *const memoscope_kept_names[] = {
  "alt", "aria-hidden", "class", "content", "charset", "datetime", "hidden", "http-equiv",
  "id", "itemprop", "name", "property", "role", "rel", "style", "type", "lang",
};

/** The static copy (`memoscope_kept_names`) of a kept attribute name, or NULL when extraction
    never reads the attribute. */
static const char *memoscope_kept_attribute_name(const unsigned char *name) {
  const char *text = (const char *)name;
  const char *const *names = memoscope_kept_names;
#define MEMOSCOPE_IS(index) (strcmp(text, names[index]) == 0 ? names[index] : NULL)
  const char *found = NULL;
  switch (text[0]) {
  case 'a': found = MEMOSCOPE_IS(0); if (!found) found = MEMOSCOPE_IS(1); break;
  case 'c':
    found = MEMOSCOPE_IS(2);
    if (!found) found = MEMOSCOPE_IS(3);
    if (!found) found = MEMOSCOPE_IS(4);
    break;
  case 'd': found = MEMOSCOPE_IS(5); break;
  case 'h': found = MEMOSCOPE_IS(6); if (!found) found = MEMOSCOPE_IS(7); break;
  case 'i': found = MEMOSCOPE_IS(8); if (!found) found = MEMOSCOPE_IS(9); break;
  case 'l': found = MEMOSCOPE_IS(16); break;
  case 'n': found = MEMOSCOPE_IS(10); break;
  case 'p': found = MEMOSCOPE_IS(11); break;
  case 'r': found = MEMOSCOPE_IS(12); if (!found) found = MEMOSCOPE_IS(13); break;
  case 's': found = MEMOSCOPE_IS(14); break;
  case 't': found = MEMOSCOPE_IS(15); break;
  default: break;
  }
#undef MEMOSCOPE_IS
  return found;
}

/** Whether extraction reads an attribute of this (already lower-cased) name; the one list
    both the compact builder and `LibXMLDocument.attributes` use. */
int memoscope_is_kept_attribute(const unsigned char *name) {
  return memoscope_kept_attribute_name(name) != NULL;
}

/** Whether an attribute value mentions `ld+json` in any letter case. */
static int memoscope_mentions_json_ld(const xmlChar *value) {
  static const char needle[] = "ld+json";
  if (value == NULL) return 0;
  for (const xmlChar *start = value; *start != 0; start++) {
    size_t matched = 0;
    while (needle[matched] != 0 && start[matched] != 0 &&
           (start[matched] | 0x20) == (xmlChar)needle[matched]) {
      matched++;
    }
    if (needle[matched] == 0) return 1;
  }
  return 0;
}

/** Where libxml2's raw-text loop (`htmlParseScript`, recovery mode) would stop when started
    at `from`: the first `</` followed by `name` in any ASCII case, stepping one UTF-8 character
    at a time as libxml2 does. Returns NULL whenever skipping might not be equivalent to that
    loop: an embedded NUL byte (libxml2 reads it differently), a byte sequence libxml2's
    `htmlCurrentChar` would report as an encoding error (it may switch encodings), or no end
    tag before the end of the buffer. */
static const xmlChar *memoscope_raw_text_end(
  const xmlChar *from, const xmlChar *end, const xmlChar *name) {
  size_t length = strlen((const char *)name);
  const xmlChar *cursor = from;
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  while (cursor < end) {
    /* Eight plain bytes at a time: none is '<', NUL or non-ASCII. */
    if (end - cursor >= 8) {
      uint64_t word;
      memcpy(&word, cursor, 8);
      uint64_t angle = word ^ (ones * '<');
      if ((((word - ones) & ~word) | ((angle - ones) & ~angle) | word) & highs) {
        /* fall through to the byte-wise checks below */
      } else {
        cursor += 8;
        continue;
      }
    }
    xmlChar byte = *cursor;
    if (byte < 0x80) {
      if (byte == 0) return NULL;
      if (byte == '<' && end - cursor >= (ptrdiff_t)(length + 2) && cursor[1] == '/') {
        size_t index = 0;
        while (index < length) {
          xmlChar candidate = cursor[2 + index];
          if (candidate >= 'A' && candidate <= 'Z') candidate += 0x20;
          if (candidate != name[index]) break;
          index++;
        }
        if (index == length) return cursor;
      }
      cursor++;
      continue;
    }
    /* A multi-byte character, checked the way htmlCurrentChar checks it. */
    ptrdiff_t available = end - cursor;
    if ((byte & 0x40) == 0 || available < 2 || (cursor[1] & 0xC0) != 0x80) return NULL;
    unsigned int value;
    int size;
    if ((byte & 0xE0) == 0xE0) {
      if (available < 3 || (cursor[2] & 0xC0) != 0x80) return NULL;
      if ((byte & 0xF0) == 0xF0) {
        if (available < 4 || (byte & 0xF8) != 0xF0 || (cursor[3] & 0xC0) != 0x80) return NULL;
        value = ((byte & 0x07u) << 18) | ((cursor[1] & 0x3Fu) << 12) |
                ((cursor[2] & 0x3Fu) << 6) | (cursor[3] & 0x3Fu);
        if (value < 0x10000) return NULL;
        size = 4;
      } else {
        value = ((byte & 0x0Fu) << 12) | ((cursor[1] & 0x3Fu) << 6) | (cursor[2] & 0x3Fu);
        if (value < 0x800) return NULL;
        size = 3;
      }
    } else {
      value = ((byte & 0x1Fu) << 6) | (cursor[1] & 0x3Fu);
      if (value < 0x80) return NULL;
      size = 2;
    }
    cursor += size;
  }
  return NULL;
}

/** The length of the UTF-8 character at `cursor` if libxml2's `htmlCurrentChar` reads it
    without an encoding error, else 0. */
static int memoscope_utf8_length(const xmlChar *cursor, const xmlChar *end) {
  xmlChar byte = *cursor;
  if (byte < 0x80) return 1;
  ptrdiff_t available = end - cursor;
  if ((byte & 0x40) == 0 || available < 2 || (cursor[1] & 0xC0) != 0x80) return 0;
  if ((byte & 0xE0) != 0xE0) {
    unsigned int value = ((byte & 0x1Fu) << 6) | (cursor[1] & 0x3Fu);
    return value < 0x80 ? 0 : 2;
  }
  if (available < 3 || (cursor[2] & 0xC0) != 0x80) return 0;
  if ((byte & 0xF0) != 0xF0) {
    unsigned int value = ((byte & 0x0Fu) << 12) | ((cursor[1] & 0x3Fu) << 6) | (cursor[2] & 0x3Fu);
    return value < 0x800 ? 0 : 3;
  }
  if (available < 4 || (byte & 0xF8) != 0xF0 || (cursor[3] & 0xC0) != 0x80) return 0;
  unsigned int value = ((byte & 0x07u) << 18) | ((cursor[1] & 0x3Fu) << 12) |
                       ((cursor[2] & 0x3Fu) << 6) | (cursor[3] & 0x3Fu);
  return value < 0x10000 ? 0 : 4;
}

/** The first byte at or after `cursor` that is `stop`, NUL or non-ASCII (or `end`), read
    eight bytes at a time. */
static const xmlChar *memoscope_skip_plain(
  const xmlChar *cursor, const xmlChar *end, xmlChar stop) {
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const uint64_t stops = ones * stop;
  while (end - cursor >= 8) {
    uint64_t word;
    memcpy(&word, cursor, 8);
    uint64_t matched = word ^ stops;
    if ((((word - ones) & ~word) | ((matched - ones) & ~matched) | word) & highs) break;
    cursor += 8;
  }
  while (cursor < end && *cursor != stop && *cursor != 0 && *cursor < 0x80) cursor++;
  return cursor;
}

static int memoscope_is_blank(xmlChar byte) {
  return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D;
}

static int memoscope_is_letter(xmlChar byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

/* The characters of htmlParseHTMLName. */
static int memoscope_is_name_byte(xmlChar byte) {
  return memoscope_is_letter(byte) || (byte >= '0' && byte <= '9') || byte == ':' ||
         byte == '-' || byte == '_' || byte == '.';
}

/** Blanks out, in the start tag that follows, the attributes extraction never reads, and
    reads ahead the values of those it keeps.

    libxml2 copies every attribute value character by character (about a fifth of all parse
    time on news pages: long href, src, srcset and data-* values); runs of spaces it skips in a
    tight loop. Called from the start-element callback with the input at the tag's closing
    `>`, when the element is not `<script>`/`<style>` (whose text is raw): the next `<` is then
    where libxml2's next construct starts, since text holds no `<`. When that is a start tag
    (`<` and an ASCII letter), it is read with libxml2's rules (htmlParseStartTag,
    htmlParseHTMLName, htmlParseAttValue) and every attribute `memoscope_is_kept_attribute`
    does not list is overwritten with spaces, name, `=` and value: libxml2 then reads the same
    tag with only the kept attributes. The end-element callback does the same when libxml2 has
    just consumed a `>` (an end tag, or an empty or self-closed element; when it closes
    elements while reading a start tag's name, no `>` precedes the input). `from` is the
    position just after that `>`. Anything unusual (a NUL byte, an encoding error, a name
    of 100 characters or more, a tag running off the buffer) leaves the tag untouched.

    The kept attributes' values are copied too, when the whole tag reads cleanly: the first
    value of each kept name that is quoted, or unquoted and two bytes or longer, and holds no
    `&` (libxml2 would decode entities) is copied into the tree's bytes and replaced in the
    input by an empty `""` and spaces. libxml2 then reports the attribute with an empty value,
    and the start-element callback of this tag (found by its position and name) puts the copy
    back. Valid UTF-8 between the quotes is what libxml2 would copy, byte for byte. Not done
    inside `<script>`/`<style>` start tags, whose `type` the raw-text skip reads. */
static void memoscope_blank_next_tag_attributes(
  memoscope_builder *builder, xmlParserInputPtr input, const xmlChar *from) {
  const xmlChar *end = input->end;
  const xmlChar *cursor = from;
  /* Text up to the next '<'. */
  for (;;) {
    cursor = memoscope_skip_plain(cursor, end, '<');
    if (cursor >= end || *cursor == '<') break;
    if (*cursor == 0) return;
    int length = memoscope_utf8_length(cursor, end);
    if (length == 0) return;
    cursor += length;
  }
  if (end - cursor < 2 || !memoscope_is_letter(cursor[1])) return;
  unsigned long tagStart = memoscope_position(input, cursor);
  /* Already read (several end-element callbacks can meet the same `>`). */
  if (tagStart == builder->pendingStart) return;
  cursor++;
  xmlChar tagName[101];
  int nameLength = 0;
  while (cursor < end && memoscope_is_name_byte(*cursor)) {
    xmlChar letter = *cursor++;
    tagName[nameLength] = (letter >= 'A' && letter <= 'Z') ? letter + 0x20 : letter;
    if (++nameLength >= 100) return;
  }
  tagName[nameLength] = 0;
  int readAhead = strcmp((const char *)tagName, "script") != 0 &&
                  strcmp((const char *)tagName, "style") != 0;
  /* Kept values to read ahead: the name, where the value starts and ends, and whether quoted. */
  struct {
    xmlChar name[16];
    xmlChar *start;
    const xmlChar *stop;
    int quoted;
  } found[MEMOSCOPE_PENDING_MAX];
  int foundCount = 0;
  /* The spans left as spaces (attributes blanked, values read ahead), in order: cut out of the
     input at the end, when the tag reads cleanly. */
  struct {
    xmlChar *start, *end;
  } gaps[MEMOSCOPE_GAP_MAX];
  int gapCount = 0;
  /* Every kept name met so far, read ahead or not: libxml2 keeps only a name's first value. */
  const char *keptNames[MEMOSCOPE_PENDING_MAX];
  int keptCount = 0;
  int keptOverflow = 0;
  for (;;) {
    while (cursor < end && memoscope_is_blank(*cursor)) cursor++;
    if (cursor >= end || *cursor == 0) return;
    if (*cursor == '>' || (*cursor == '/' && cursor + 1 < end && cursor[1] == '>')) break;
    xmlChar *start = (xmlChar *)cursor;
    xmlChar byte = *cursor;
    if (!(memoscope_is_letter(byte) || byte == '_' || byte == ':' || byte == '.')) {
      /* Not an attribute name: libxml2 skips to a blank or the end of the tag. */
      while (cursor < end && !memoscope_is_blank(*cursor) && *cursor != '>' &&
             !(*cursor == '/' && cursor + 1 < end && cursor[1] == '>')) {
        if (*cursor == 0) return;
        int length = memoscope_utf8_length(cursor, end);
        if (length == 0) return;
        cursor += length;
      }
      continue;
    }
    xmlChar name[101];
    int length = 0;
    while (cursor < end && memoscope_is_name_byte(*cursor)) {
      if (length >= 100) return;
      xmlChar letter = *cursor++;
      name[length++] = (letter >= 'A' && letter <= 'Z') ? letter + 0x20 : letter;
    }
    name[length] = 0;
    while (cursor < end && memoscope_is_blank(*cursor)) cursor++;
    xmlChar *valueStart = NULL;
    int quoted = 0, entity = 0;
    if (cursor < end && *cursor == '=') {
      cursor++;
      while (cursor < end && memoscope_is_blank(*cursor)) cursor++;
      if (cursor >= end) return;
      if (*cursor == '"' || *cursor == '\'') {
        xmlChar quote = *cursor++;
        valueStart = (xmlChar *)cursor;
        quoted = 1;
        for (;;) {
          cursor = memoscope_skip_plain(cursor, end, quote);
          if (cursor >= end || *cursor == 0) return;
          if (*cursor == quote) break;
          int size = memoscope_utf8_length(cursor, end);
          if (size == 0) return;
          cursor += size;
        }
      } else {
        valueStart = (xmlChar *)cursor;
        while (cursor < end && *cursor != '>' && !memoscope_is_blank(*cursor)) {
          if (*cursor == 0) return;
          int size = memoscope_utf8_length(cursor, end);
          if (size == 0) return;
          cursor += size;
        }
      }
      if (valueStart != NULL && memchr(valueStart, '&', (size_t)(cursor - valueStart)) != NULL) {
        entity = 1;
      }
      if (quoted) cursor++;
    }
    const char *keptName = memoscope_kept_attribute_name(name);
    if (keptName == NULL) {
      /* A '=' right after the blanked span would become the value of a bare attribute before
         it (`class x="1" =v`): leave this tag as it is. */
      const xmlChar *after = cursor;
      while (after < end && memoscope_is_blank(*after)) after++;
      if (after < end && *after == '=') return;
      memset(start, ' ', (size_t)(cursor - start));
      if (gapCount < MEMOSCOPE_GAP_MAX) {
        gaps[gapCount].start = start;
        gaps[gapCount].end = (xmlChar *)cursor;
        gapCount++;
      }
      continue;
    }
    int seen = 0;
    for (int index = 0; index < keptCount; index++) {
      if (keptNames[index] == keptName) seen = 1;
    }
    if (seen) continue;
    if (keptCount == MEMOSCOPE_PENDING_MAX) {
      keptOverflow = 1;
      continue;
    }
    keptNames[keptCount++] = keptName;
    if (!readAhead || keptOverflow || valueStart == NULL || entity) continue;
    const xmlChar *valueStop = quoted ? cursor - 1 : cursor;
    ptrdiff_t valueLength = valueStop - valueStart;
    if (valueLength == 0 || (!quoted && valueLength < 2)) continue;
    if (foundCount == MEMOSCOPE_PENDING_MAX || length >= 16) continue;
    memcpy(found[foundCount].name, name, (size_t)length + 1);
    found[foundCount].start = valueStart;
    found[foundCount].stop = valueStop;
    found[foundCount].quoted = quoted;
    foundCount++;
    /* The spaces the value leaves behind (see below). */
    xmlChar *spaces = quoted ? valueStart + 1 : valueStart + 2;
    xmlChar *spacesEnd = quoted ? valueStart + 1 + valueLength : valueStart + valueLength;
    if (spaces < spacesEnd && gapCount < MEMOSCOPE_GAP_MAX) {
      gaps[gapCount].start = spaces;
      gaps[gapCount].end = spacesEnd;
      gapCount++;
    }
  }
  /* The tag reads cleanly up to its `>` or `/>` at `cursor`. */
  if (foundCount > 0) {
    memoscope_tree *tree = builder->tree;
    builder->pendingCount = 0;
  for (int index = 0; index < foundCount; index++) {
    size_t length = (size_t)(found[index].stop - found[index].start);
    uint32_t offset = memoscope_tree_add_bytes(tree, found[index].start, length);
    if (tree->failed) return;
    int slot = builder->pendingCount++;
    memcpy(builder->pending[slot].name, found[index].name, sizeof found[index].name);
    builder->pending[slot].offset = offset;
    builder->pending[slot].length = (uint32_t)length;
    xmlChar *value = found[index].start;
    if (found[index].quoted) {
      /* `"value"` becomes `""` and spaces: the closing quote moves up to the opening one. */
      value[0] = value[-1];
      memset(value + 1, ' ', length);
    } else {
      value[0] = '"';
      value[1] = '"';
      memset(value + 2, ' ', length - 2);
    }
  }
  }
  /* Cut the spaces out: everything from the input cursor up to the last gap moves right over
     them, and the cursor with it (libxml2 has read nothing past its cursor). The bytes left
     behind are never read again. */
  xmlChar *keepFrom = (xmlChar *)input->cur;
  ptrdiff_t removed = 0;
  if (gapCount > 0 && keepFrom <= gaps[0].start) {
    xmlChar *write = gaps[gapCount - 1].end;
    for (int index = gapCount - 1; index >= 0; index--) {
      xmlChar *segmentStart = index > 0 ? gaps[index - 1].end : keepFrom;
      size_t segment = (size_t)(gaps[index].start - segmentStart);
      write -= segment;
      memmove(write, segmentStart, segment);
    }
    removed = write - keepFrom;
    input->cur = write;
    /* The end-element callback reads "a `>` was just consumed" from the byte before. */
    if (keepFrom == from && write > input->base) write[-1] = '>';
  }
  if (foundCount > 0) {
    builder->pendingStart = tagStart + (unsigned long)removed;
    builder->pendingEnd = memoscope_position(input, cursor);
    memcpy(builder->pendingName, tagName, (size_t)nameLength + 1);
  }
}

/** The raw-text skip for `<script>` and `<style>`, run at the end of the start-element
    callback.

    It relies on where libxml2 2.9 calls that callback: from htmlParseStartTag, with the input
    at the tag's closing `>`. When the content does not begin with `<` (libxml2 would then try
    an end or start tag first), the `>` is moved to just before the content's end tag and the
    input cursor put on it: libxml2 consumes the `>` and meets the end tag exactly where its
    raw-text loop would have stopped, with the same element stack. The skipped bytes would
    only have become the element's text child. */
static void memoscope_skip_raw_text(
  xmlParserCtxtPtr parser, const xmlChar *name, const xmlChar **attributes) {
  int rawText = (name[0] == 's') &&
                (xmlStrEqual(name, BAD_CAST "script") || xmlStrEqual(name, BAD_CAST "style"));
  if (!rawText || !parser->recovery || parser->input == NULL) return;
  if (attributes != NULL) {
    for (int index = 0; attributes[index] != NULL; index += 2) {
      if (memoscope_mentions_json_ld(attributes[index + 1])) return;
    }
  }
  xmlParserInputPtr input = parser->input;
  if (parser->name == NULL || !xmlStrEqual(parser->name, name)) return;
  const xmlChar *content = input->cur + 1;
  if (input->cur >= input->end || *input->cur != '>' || content >= input->end) return;
  if (*content == '<' || *content == 0) return;
  const xmlChar *stop = memoscope_raw_text_end(content, input->end, name);
  if (stop == NULL || stop <= content) return;
  /* The input buffer is libxml2's own heap copy of our bytes. */
  ((xmlChar *)stop)[-1] = '>';
  input->cur = stop - 1;
}

/* ---------------------------------------------------------------------------------------------
   The compact tree (`memoscope_html_build`): libxml2's HTML parser with its tree builder
   (SAX2) replaced by callbacks that write flat arrays: no node allocated and freed one by one,
   no xmlFreeDoc. It must describe the very tree SAX2 builds for the same events, so the
   callbacks follow SAX2's rules (libxml2 2.9):

   - an element is appended to the current element; with none open, it becomes the first child
     of the document if the document has none, else the last child of the document's first
     child when that is an element (the root), else a document-level sibling;
   - text (and CDATA) goes into the current element's last child when that is a text (CDATA)
     node, else into a new one; with no element open it is dropped;
   - comments and processing instructions are children that nothing reads, but they separate
     text nodes;
   - the element name drops a namespace prefix (`xmlSplitQName`), attribute names stay whole;
   - libxml2 may close an element without the end callback (a start tag cut off by the end of
     input): the element stack is kept in step with libxml2's own node stack (`nodeNr`), onto
     which a placeholder node is pushed for every element.

   `HTMLDocumentTests` compares the tree Swift copies out of these arrays with the one it copies
   out of `htmlReadMemory`'s document, on every fixture, corpus and benchmark page.
   --------------------------------------------------------------------------------------------- */

/* What SAX2 would have pushed; areBlanks reads it, but its answer changes no event when blanks
   are kept (HTML_PARSE_NOBLANKS is not used). */
static xmlNode memoscope_placeholder_node = {.type = XML_ELEMENT_NODE};

static int memoscope_tree_reserve_bytes(memoscope_tree *tree, size_t more) {
  if (tree->byteCount + more <= tree->byteCapacity) return 1;
  size_t capacity = tree->byteCapacity ? tree->byteCapacity : 4096;
  while (capacity < tree->byteCount + more) capacity *= 2;
  xmlChar *grown = (xmlChar *)realloc(tree->bytes, capacity);
  if (grown == NULL) { tree->failed = 1; return 0; }
  tree->bytes = grown;
  tree->byteCapacity = capacity;
  return 1;
}

static uint32_t memoscope_tree_add_bytes(
  memoscope_tree *tree, const xmlChar *bytes, size_t length) {
  if (!memoscope_tree_reserve_bytes(tree, length)) return 0;
  uint32_t offset = (uint32_t)tree->byteCount;
  if (length > 0) memcpy(tree->bytes + tree->byteCount, bytes, length);
  tree->byteCount += length;
  return offset;
}

/* Appends a node (linked under `parent` when >= 0); returns its index or -1. */
static int32_t memoscope_tree_add_node(memoscope_tree *tree, int32_t kind, int32_t parent) {
  if (tree->nodeCount == tree->nodeCapacity) {
    int32_t capacity = tree->nodeCapacity ? tree->nodeCapacity * 2 : 1024;
    memoscope_node *grown = (memoscope_node *)realloc(tree->nodes, sizeof(memoscope_node) * capacity);
    if (grown == NULL) { tree->failed = 1; return -1; }
    tree->nodes = grown;
    tree->nodeCapacity = capacity;
  }
  int32_t index = tree->nodeCount++;
  memoscope_node *node = &tree->nodes[index];
  memset(node, 0, sizeof *node);
  node->kind = kind;
  node->parent = parent;
  node->firstChild = node->lastChild = node->next = -1;
  if (parent >= 0) {
    memoscope_node *up = &tree->nodes[parent];
    if (up->lastChild >= 0) tree->nodes[up->lastChild].next = index; else up->firstChild = index;
    up->lastChild = index;
  }
  return index;
}

/* Drops open elements libxml2 has popped without telling (see above). */
static memoscope_tree *memoscope_tree_synced(xmlParserCtxtPtr parser) {
  memoscope_tree *tree = ((memoscope_builder *)parser->_private)->tree;
  if (tree->depth > parser->nodeNr) tree->depth = parser->nodeNr < 0 ? 0 : parser->nodeNr;
  return tree;
}

static void memoscope_tree_start_element(
  void *context, const xmlChar *fullname, const xmlChar **attributes) {
  xmlParserCtxtPtr parser = (xmlParserCtxtPtr)context;
  if (fullname == NULL || parser->myDoc == NULL) return;
  memoscope_tree *tree = memoscope_tree_synced(parser);
  if (tree->failed) return;
  if (tree->depth == tree->openCapacity) {
    int32_t capacity = tree->openCapacity ? tree->openCapacity * 2 : 64;
    int32_t *grown = (int32_t *)realloc(tree->open, sizeof(int32_t) * capacity);
    if (grown == NULL) { tree->failed = 1; return; }
    tree->open = grown;
    tree->openCapacity = capacity;
  }
  if (nodePush(parser, &memoscope_placeholder_node) < 0) return;

  /* Where SAX2 links the element. */
  int32_t parent = -1;
  int documentLevel = 0;
  if (tree->depth > 0) {
    parent = tree->open[tree->depth - 1];
  } else {
    int documentHasChild = parser->myDoc->children != NULL || tree->documentHasChild;
    int firstIsElement = parser->myDoc->children == NULL && tree->firstChildIsElement;
    if (documentHasChild && firstIsElement) {
      parent = tree->root;
    } else {
      documentLevel = 1;
    }
  }
  int32_t index = memoscope_tree_add_node(tree, MEMOSCOPE_ELEMENT, parent);
  if (index < 0) return;
  if (documentLevel) {
    if (!tree->documentHasChild) tree->firstChildIsElement = 1;
    tree->documentHasChild = 1;
    if (tree->root < 0) tree->root = index;
  }
  tree->open[tree->depth++] = index;

  /* The name as SAX2 stores it: without a namespace prefix. */
  const xmlChar *name = fullname;
  xmlChar *split = NULL;
  xmlChar *prefix = NULL;
  if (strchr((const char *)fullname, ':') != NULL) {
    split = xmlSplitQName(parser, fullname, &prefix);
    if (split != NULL) name = split;
  }
  size_t nameLength = strlen((const char *)name);
  uint32_t nameOffset = memoscope_tree_add_bytes(tree, name, nameLength);
  if (split != NULL) xmlFree(split);
  if (prefix != NULL) xmlFree(prefix);
  tree->nodes[index].offset = nameOffset;
  tree->nodes[index].length = (uint32_t)nameLength;

  /* Kept values read ahead for this very tag (see memoscope_blank_next_tag_attributes). */
  memoscope_builder *builder = (memoscope_builder *)parser->_private;
  int readAhead = builder->pendingCount > 0 && parser->input != NULL &&
                  memoscope_position(parser->input, parser->input->cur) == builder->pendingEnd &&
                  strcmp((const char *)builder->pendingName, (const char *)fullname) == 0;
  /* Implied elements (reported while this tag is read) leave the values to it. */
  int pendingCount = readAhead ? builder->pendingCount : 0;
  if (readAhead) builder->pendingCount = 0;
  if (attributes != NULL) {
    tree->nodes[index].firstAttribute = tree->attributeCount;
    for (int at = 0; attributes[at] != NULL; at += 2) {
      if (!memoscope_is_kept_attribute(attributes[at])) continue;
      if (tree->attributeCount == tree->attributeCapacity) {
        uint32_t capacity = tree->attributeCapacity ? tree->attributeCapacity * 2 : 256;
        memoscope_attribute *grown =
          (memoscope_attribute *)realloc(tree->attributes, sizeof(memoscope_attribute) * capacity);
        if (grown == NULL) { tree->failed = 1; return; }
        tree->attributes = grown;
        tree->attributeCapacity = capacity;
      }
      memoscope_attribute *attribute = &tree->attributes[tree->attributeCount++];
      size_t length = strlen((const char *)attributes[at]);
      attribute->nameOffset = memoscope_tree_add_bytes(tree, attributes[at], length);
      attribute->nameLength = (uint32_t)length;
      const xmlChar *value = attributes[at + 1];
      length = value != NULL ? strlen((const char *)value) : 0;
      int copied = 0;
      if (length == 0) {
        for (int slot = 0; slot < pendingCount; slot++) {
          if (strcmp((const char *)builder->pending[slot].name, (const char *)attributes[at]) ==
              0) {
            attribute->valueOffset = builder->pending[slot].offset;
            attribute->valueLength = builder->pending[slot].length;
            copied = 1;
            break;
          }
        }
      }
      if (!copied) {
        attribute->valueOffset = memoscope_tree_add_bytes(tree, value, length);
        attribute->valueLength = (uint32_t)length;
      }
      tree->nodes[index].attributeCount++;
    }
  }
  memoscope_skip_raw_text(parser, fullname, attributes);
  /* Only for a tag read from the input (its name is in the parser's dictionary; implied
     elements, reported while another tag is read, have literal names). */
  if (parser->input != NULL && parser->input->cur < parser->input->end &&
      *parser->input->cur == '>' && !xmlStrEqual(fullname, BAD_CAST "script") &&
      !xmlStrEqual(fullname, BAD_CAST "style") && xmlDictOwns(parser->dict, fullname) == 1) {
    memoscope_blank_next_tag_attributes(builder, parser->input, parser->input->cur + 1);
  }
}

static void memoscope_tree_end_element(void *context, const xmlChar *name) {
  (void)name;
  xmlParserCtxtPtr parser = (xmlParserCtxtPtr)context;
  memoscope_tree_synced(parser);
  nodePop(parser);
  memoscope_tree_synced(parser);
  xmlParserInputPtr input = parser->input;
  if (input != NULL && input->cur > input->base && input->cur <= input->end &&
      input->cur[-1] == '>') {
    memoscope_blank_next_tag_attributes(
      (memoscope_builder *)parser->_private, input, input->cur);
  }
}

static void memoscope_tree_add_text(
  xmlParserCtxtPtr parser, const xmlChar *text, int length, int32_t kind) {
  memoscope_tree *tree = memoscope_tree_synced(parser);
  if (tree->failed || tree->depth == 0 || length < 0) return;
  int32_t parent = tree->open[tree->depth - 1];
  int32_t last = tree->nodes[parent].lastChild;
  if (last >= 0 && tree->nodes[last].kind == kind) {
    memoscope_node *node = &tree->nodes[last];
    if ((size_t)node->offset + node->length != tree->byteCount) {
      /* Not at the end of the buffer (rare): move the text there first. */
      if (!memoscope_tree_reserve_bytes(tree, node->length + (size_t)length)) return;
      memmove(tree->bytes + tree->byteCount, tree->bytes + node->offset, node->length);
      node->offset = (uint32_t)tree->byteCount;
      tree->byteCount += node->length;
    }
    memoscope_tree_add_bytes(tree, text, (size_t)length);
    node->length += (uint32_t)length;
    return;
  }
  int32_t index = memoscope_tree_add_node(tree, kind, parent);
  if (index < 0) return;
  tree->nodes[index].offset = memoscope_tree_add_bytes(tree, text, (size_t)length);
  tree->nodes[index].length = (uint32_t)length;
}

static void memoscope_tree_characters(void *context, const xmlChar *text, int length) {
  memoscope_tree_add_text((xmlParserCtxtPtr)context, text, length, MEMOSCOPE_TEXT);
}

static void memoscope_tree_cdata(void *context, const xmlChar *text, int length) {
  memoscope_tree_add_text((xmlParserCtxtPtr)context, text, length, MEMOSCOPE_CDATA);
}

/* A comment or processing instruction: a child nothing reads. */
static void memoscope_tree_add_other(xmlParserCtxtPtr parser) {
  memoscope_tree *tree = memoscope_tree_synced(parser);
  if (tree->failed || parser->inSubset != 0) return;
  if (tree->depth > 0) {
    memoscope_tree_add_node(tree, MEMOSCOPE_OTHER, tree->open[tree->depth - 1]);
  } else {
    tree->documentHasChild = 1;
  }
}

static void memoscope_tree_comment(void *context, const xmlChar *value) {
  (void)value;
  memoscope_tree_add_other((xmlParserCtxtPtr)context);
}

static void memoscope_tree_instruction(
  void *context, const xmlChar *target, const xmlChar *data) {
  (void)target; (void)data;
  memoscope_tree_add_other((xmlParserCtxtPtr)context);
}

/** Frees a tree's arrays (the struct itself belongs to the caller). */
void memoscope_tree_free(memoscope_tree *tree) {
  free(tree->nodes);
  free(tree->attributes);
  free(tree->bytes);
  free(tree->open);
  memset(tree, 0, sizeof *tree);
}

/** Parses UTF-8 HTML into `tree` (zeroed by the caller). Returns 0, or -1 when libxml2 builds
    no document or memory ran out (the tree is then freed). */
/* The libxml2 versions this file's use of parser internals (`parserInternals.h`, SAX1 callbacks
   on an HTML context, rewriting `input->cur` to skip raw text) was checked on: the
   tree-equality tests (HTMLDocumentTests: edge cases, random tag soups, fixtures, the corpus
   and the 181 benchmark pages) ran on 2.9.14. libxml2 2.14 replaced its HTML tokenizer. */
#define MEMOSCOPE_FAST_PARSE_MIN_VERSION 20900
#define MEMOSCOPE_FAST_PARSE_MAX_VERSION 20999

int memoscope_libxml_runtime_version(void) { return atoi(xmlParserVersion); }

int memoscope_libxml_compiled_version(void) { return LIBXML_VERSION; }

int memoscope_html_fast_parse_covers(int version) {
  return version >= MEMOSCOPE_FAST_PARSE_MIN_VERSION && version <= MEMOSCOPE_FAST_PARSE_MAX_VERSION;
}

int memoscope_html_fast_parse_supported(void) {
  return memoscope_html_fast_parse_covers(LIBXML_VERSION) &&
         memoscope_html_fast_parse_covers(memoscope_libxml_runtime_version());
}

/** What `xmlSwitchToEncoding(parser, handler)` does with libxml2 2.9's UTF-8 handler, without
    its copy of the whole input. That switch moves the input buffer aside as the raw buffer and
    converts it into a new one with `UTF8ToUTF8`, a plain `memcpy` into a buffer of twice the
    page's size: with the kernel zeroing the fresh pages, 7% of extracting the 181 benchmark pages.
    Here the input buffer stays the parser's buffer, and the switch's other effects are made as
    it makes them: the encoder set (which stops libxml2 from switching to Latin-1 on a bad
    byte), a UTF-8 byte order mark skipped, the consumed count and `charset`. The raw buffer, which the switch leaves empty, stays unset: libxml2 creates it when
    it first reads more input, and a memory input has none to read. Any other input shape goes
    through the switch itself. `HTMLDocumentTests` compares the tree with `htmlReadMemory`'s. */
static void memoscope_declare_utf8(xmlParserCtxtPtr parser, xmlCharEncodingHandlerPtr handler) {
  xmlParserInputPtr input = parser->input;
  if (input == NULL || input->buf == NULL || input->buf->encoder != NULL ||
      input->buf->raw != NULL || input->buf->buffer == NULL ||
      xmlBufUse(input->buf->buffer) == 0 || input->cur != input->base) {
    xmlSwitchToEncoding(parser, handler);
    return;
  }
  input->buf->encoder = handler;
  size_t skipped = 0;
  if (input->end - input->cur >= 3 && input->cur[0] == 0xEF && input->cur[1] == 0xBB &&
      input->cur[2] == 0xBF) {
    skipped = 3;
    xmlBufShrink(input->buf->buffer, skipped);
  }
  input->buf->rawconsumed = skipped + xmlBufUse(input->buf->buffer);
  input->base = input->cur = xmlBufContent(input->buf->buffer);
  input->end = input->base + xmlBufUse(input->buf->buffer);
  parser->charset = XML_CHAR_ENCODING_UTF8;
}

int memoscope_html_build(const char *bytes, int size, memoscope_tree *tree) {
  memset(tree, 0, sizeof *tree);
  tree->root = -1;
  xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(bytes, size);
  if (parser == NULL) return -1;
  htmlDefaultSAXHandlerInit();
  if (parser->sax != NULL) {
    memcpy(parser->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    parser->sax->startElement = memoscope_tree_start_element;
    parser->sax->endElement = memoscope_tree_end_element;
    parser->sax->characters = memoscope_tree_characters;
    parser->sax->cdataBlock = memoscope_tree_cdata;
    parser->sax->comment = memoscope_tree_comment;
    parser->sax->processingInstruction = memoscope_tree_instruction;
  }
  memoscope_builder builder;
  memset(&builder, 0, sizeof builder);
  builder.tree = tree;
  builder.pendingStart = builder.pendingEnd = (unsigned long)-1;
  parser->_private = &builder;
  htmlCtxtUseOptions(parser, memoscope_html_parse_options());
  parser->html = 1;
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler("UTF-8");
  if (handler != NULL) {
    memoscope_declare_utf8(parser, handler);
    if (parser->input->encoding != NULL) xmlFree((xmlChar *)parser->input->encoding);
    parser->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
  }
  htmlParseDocument(parser);
  int built = parser->myDoc != NULL && !tree->failed;
  if (parser->myDoc != NULL) {
    xmlFreeDoc(parser->myDoc);
    parser->myDoc = NULL;
  }
  xmlFreeParserCtxt(parser);
  if (!built) {
    memoscope_tree_free(tree);
    return -1;
  }
  return 0;
}

