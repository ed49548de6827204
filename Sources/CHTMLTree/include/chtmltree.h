#ifndef MEMOSCOPE_CHTMLTREE_H
#define MEMOSCOPE_CHTMLTREE_H

/* The compact HTML tree: libxml2's HTML parser with its DOM builder replaced by SAX callbacks
   that write flat arrays (see chtmltree.c). The only C code of Memoscope that reaches into
   libxml2's parser; `MemoExtraction` reads the arrays. */

#include <stddef.h>
#include <stdint.h>

/* Node kinds (libxml2's type numbers). */
#define MEMOSCOPE_ELEMENT 1
#define MEMOSCOPE_TEXT 3
#define MEMOSCOPE_CDATA 4
#define MEMOSCOPE_OTHER 8

typedef struct {
  int32_t kind;
  int32_t parent, firstChild, lastChild, next;
  /* Element name, or text content, as a range of `bytes`. */
  uint32_t offset, length;
  /* Kept attributes: `attributes[firstAttribute ..< firstAttribute + attributeCount]`. */
  uint32_t firstAttribute, attributeCount;
} memoscope_node;

typedef struct {
  uint32_t nameOffset, nameLength, valueOffset, valueLength;
} memoscope_attribute;

typedef struct {
  memoscope_node *nodes;
  int32_t nodeCount, nodeCapacity;
  memoscope_attribute *attributes;
  uint32_t attributeCount, attributeCapacity;
  unsigned char *bytes;
  size_t byteCount, byteCapacity;
  /* Open elements, in step with the parser's nodeNr. */
  int32_t *open;
  int32_t depth, openCapacity;
  /* The document element (the first element at document level), or -1. */
  int32_t root;
  /* Whether a comment, instruction or element was added at document level, and whether the
     first of them was an element. */
  int documentHasChild, firstChildIsElement;
  int failed;
} memoscope_tree;

/** libxml2's parse options for untrusted pages (recover, silent, no network, UTF-8 given,
    XML_PARSE_HUGE to lift the depth-256 and 10 MB limits), for this parse and the plain
    `htmlReadMemory` one that tests compare it with. */
int memoscope_html_parse_options(void);

/** Whether extraction reads an attribute of this (already lower-cased) name. */
int memoscope_is_kept_attribute(const unsigned char *name);

/** The libxml2 version loaded at run time (`xmlParserVersion`, e.g. 20914) and the one the
    headers had at build time (`LIBXML_VERSION`). */
int memoscope_libxml_runtime_version(void);
int memoscope_libxml_compiled_version(void);

/** Whether the tree-equality tests cover libxml2 `version` (e.g. 20914): 1 or 0. */
int memoscope_html_fast_parse_covers(int version);

/** Whether `memoscope_html_build` may be used: the build-time and run-time libxml2 versions are
    both covered. Otherwise callers parse with `htmlReadMemory`. */
int memoscope_html_fast_parse_supported(void);

/** Parses UTF-8 HTML into `tree` (zeroed by the caller). Returns 0, or -1 when libxml2 builds
    no document or memory ran out (the tree is then freed). */
int memoscope_html_build(const char *bytes, int size, memoscope_tree *tree);

/** Frees a tree's arrays (the struct itself belongs to the caller). */
void memoscope_tree_free(memoscope_tree *tree);

#endif
