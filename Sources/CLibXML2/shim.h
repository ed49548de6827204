#ifndef MEMOSCOPE_CLIBXML2_SHIM_H
#define MEMOSCOPE_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU; its encoding header would pull in the system
   <unicode/ucnv.h>, which clashes with Foundation's own ICU headers in clean debug builds.
   We decide encodings ourselves, so the ICU part of libxml2's API is not needed. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <string.h>
/* zlib (a libxml2 dependency) reads `.html.gz` inputs. */
#include <zlib.h>

/* xmlFree is a global function-pointer variable that Swift 6 refuses to call. */
static inline void memoscope_xml_free(void *pointer) { xmlFree(pointer); }

/* libxml2's generic error handler is C-variadic; Swift cannot write one. */
static inline void memoscope_xml_silent_generic(void *context, const char *message, ...) {
  (void)context; (void)message;
}
static inline void memoscope_xml_silent_structured(void *context, xmlErrorPtr error) {
  (void)context; (void)error;
}

/** Silences libxml2's error output on the calling thread (handlers are per thread). */
static inline void memoscope_xml_silence_errors(void) {
  xmlSetGenericErrorFunc(NULL, memoscope_xml_silent_generic);
  xmlSetStructuredErrorFunc(NULL, memoscope_xml_silent_structured);
}

/** Parse options for untrusted pages; XML_PARSE_HUGE lifts the depth-256 and 10 MB limits. */
static inline int memoscope_html_parse_options(void) {
  return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
         HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
}

/* ---------------------------------------------------------------------------------------------
   The fast parse (`memoscope_html_read`): the same document libxml2's `htmlReadMemory` builds,
   minus parts that extraction never reads. Two savings, both made inside libxml2's own SAX
   start-element callback, so libxml2's parser (auto-closing, implied elements, recovery) runs
   unchanged:

   1. Attributes: only the names `memoscope_is_kept_attribute` lists (those extraction reads)
      are handed on to the tree builder (no href, src, data-*...), and ids are not registered
      in a hash table.
   2. Raw text: the content of `<script>` and `<style>` (about half the bytes of a news page) is
      skipped in one byte scan instead of libxml2's character-by-character copy into a node
      nobody reads. JSON-LD scripts (read for metadata) are parsed as usual.

   `MemoExtractionTests` parses every fixture, corpus and benchmark page both ways and checks
   that the trees extraction sees are identical.
   --------------------------------------------------------------------------------------------- */

/** Whether extraction reads an attribute of this (already lower-cased) name; the one list
    both the fast parse and `HTMLDocumentHandle.attributes` use. */
static inline int memoscope_is_kept_attribute(const xmlChar *name) {
  const char *text = (const char *)name;
  switch (text[0]) {
  case 'a': return strcmp(text, "alt") == 0 || strcmp(text, "aria-hidden") == 0;
  case 'c':
    return strcmp(text, "class") == 0 || strcmp(text, "content") == 0 ||
           strcmp(text, "charset") == 0;
  case 'd': return strcmp(text, "datetime") == 0;
  case 'h': return strcmp(text, "hidden") == 0 || strcmp(text, "http-equiv") == 0;
  case 'i': return strcmp(text, "id") == 0 || strcmp(text, "itemprop") == 0;
  case 'n': return strcmp(text, "name") == 0;
  case 'p': return strcmp(text, "property") == 0;
  case 'r': return strcmp(text, "role") == 0 || strcmp(text, "rel") == 0;
  case 's': return strcmp(text, "style") == 0;
  case 't': return strcmp(text, "type") == 0;
  default: return 0;
  }
}

/** Whether an attribute value mentions `ld+json` in any letter case. */
static inline int memoscope_mentions_json_ld(const xmlChar *value) {
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
static inline const xmlChar *memoscope_raw_text_end(
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

/** The start-element callback of the fast parse: libxml2's tree builder with the kept
    attributes, then the raw-text skip for `<script>` and `<style>`.

    The skip relies on where libxml2 2.9 calls this: from htmlParseStartTag, with the input at
    the tag's closing `>`. When the content does not begin with `<` (libxml2 would then try an
    end or start tag first), the `>` is moved to just before the content's end tag and the
    input cursor put on it: libxml2 consumes the `>` and meets the end tag exactly where its
    raw-text loop would have stopped, with the same element stack. The skipped bytes would
    only have become the element's text child. */
static inline void memoscope_start_element(
  void *context, const xmlChar *name, const xmlChar **attributes) {
  xmlParserCtxtPtr parser = (xmlParserCtxtPtr)context;
  /* The parser drops repeated attribute names, so at most 15 kept pairs arrive. */
  const xmlChar *kept[2 * 16 + 2];
  int count = 0;
  if (attributes != NULL) {
    for (int index = 0; attributes[index] != NULL && count < 2 * 16; index += 2) {
      if (memoscope_is_kept_attribute(attributes[index])) {
        kept[count++] = attributes[index];
        kept[count++] = attributes[index + 1];
      }
    }
  }
  kept[count] = NULL;
  kept[count + 1] = NULL;
  xmlSAX2StartElement(context, name, count > 0 ? kept : NULL);

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

/** Parses UTF-8 HTML like `htmlReadMemory(bytes, size, NULL, "UTF-8", options)`; with `fast`
    set, through `memoscope_start_element` (see above). Returns NULL when libxml2 builds no
    document. */
static inline htmlDocPtr memoscope_html_read(const char *bytes, int size, int fast) {
  if (!fast) {
    return htmlReadMemory(bytes, size, NULL, "UTF-8", memoscope_html_parse_options());
  }
  /* The steps of htmlReadMemory and its htmlDoRead in libxml2 2.9, with our callback. */
  xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(bytes, size);
  if (parser == NULL) return NULL;
  htmlDefaultSAXHandlerInit();
  if (parser->sax != NULL) {
    memcpy(parser->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    parser->sax->startElement = memoscope_start_element;
  }
  htmlCtxtUseOptions(parser, memoscope_html_parse_options());
  parser->html = 1;
  parser->loadsubset |= XML_SKIP_IDS;
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler("UTF-8");
  if (handler != NULL) {
    xmlSwitchToEncoding(parser, handler);
    if (parser->input->encoding != NULL) xmlFree((xmlChar *)parser->input->encoding);
    parser->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
  }
  htmlParseDocument(parser);
  htmlDocPtr document = parser->myDoc;
  parser->myDoc = NULL;
  if (parser->dictNames && document != NULL && document->dict == parser->dict) {
    parser->dict = NULL;
  }
  xmlFreeParserCtxt(parser);
  return document;
}

#endif
