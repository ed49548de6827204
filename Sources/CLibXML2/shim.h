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

#endif
