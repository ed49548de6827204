#include "cicu.h"

#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <stdio.h>

memoscope_break_iterator *memoscope_break_open(int32_t kind) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator =
      ubrk_open(kind == 1 ? UBRK_SENTENCE : UBRK_WORD, "", NULL, 0, &status);
  if (U_FAILURE(status)) return NULL;
  return (memoscope_break_iterator *)iterator;
}

void memoscope_break_close(memoscope_break_iterator *iterator) {
  if (iterator) ubrk_close((UBreakIterator *)iterator);
}

int32_t memoscope_break_set_text(memoscope_break_iterator *iterator, const uint16_t *text,
                                 int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &status);
  return U_FAILURE(status) ? -1 : 0;
}

int32_t memoscope_break_first(memoscope_break_iterator *iterator) {
  return ubrk_first((UBreakIterator *)iterator);
}

int32_t memoscope_break_next(memoscope_break_iterator *iterator) {
  int32_t next = ubrk_next((UBreakIterator *)iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t memoscope_break_rule_status(memoscope_break_iterator *iterator) {
  return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

int32_t memoscope_break_words(memoscope_break_iterator *iterator, const uint16_t *text,
                              int32_t length, int32_t *segments) {
  UBreakIterator *words = (UBreakIterator *)iterator;
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(words, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) return -1;
  int32_t count = 0;
  int32_t start = ubrk_first(words);
  for (int32_t end = ubrk_next(words); end != UBRK_DONE; end = ubrk_next(words)) {
    int32_t rule = ubrk_getRuleStatus(words);
    if (rule >= MEMOSCOPE_WORD_NUMBER) {
      segments[3 * count] = start;
      segments[3 * count + 1] = end;
      segments[3 * count + 2] = rule;
      count += 1;
    }
    start = end;
  }
  return count;
}

static const UNormalizer2 *nfkc_casefold(void) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
  return U_FAILURE(status) ? NULL : normalizer;
}

int32_t memoscope_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                                int32_t capacity) {
  const UNormalizer2 *normalizer = nfkc_casefold();
  if (!normalizer) return -1;
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length,
                                    (UChar *)destination, capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
  return U_FAILURE(status) ? -1 : needed;
}

int32_t memoscope_is_nfkc_casefolded(const uint16_t *source, int32_t length) {
  const UNormalizer2 *normalizer = nfkc_casefold();
  if (!normalizer) return 0;
  UErrorCode status = U_ZERO_ERROR;
  UBool normalized = unorm2_isNormalized(normalizer, (const UChar *)source, length, &status);
  return (!U_FAILURE(status) && normalized) ? 1 : 0;
}

const char *memoscope_icu_version(void) {
  static char text[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo version;
  u_getVersion(version);
  u_versionToString(version, text);
  return text;
}

int32_t memoscope_converter_exists(const char *name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(name, &status);
  if (converter) ucnv_close(converter);
  return U_FAILURE(status) ? 0 : 1;
}

/* Writes U+FFFD for each ill-formed or unmapped sequence and counts it. */
static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                 const char *units, int32_t length, UConverterCallbackReason reason,
                                 UErrorCode *status) {
  (void)units;
  (void)length;
  if (reason > UCNV_IRREGULAR) return; /* reset, close, clone: nothing to write */
  int32_t *replaced = (int32_t *)context;
  *replaced += 1;
  static const UChar replacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

int32_t memoscope_convert_to_utf8(const char *name, const uint8_t *source, int32_t length,
                                  uint8_t *destination, int32_t capacity, int32_t *replaced) {
  UErrorCode status = U_ZERO_ERROR;
  *replaced = 0;
  UConverter *from = ucnv_open(name, &status);
  if (U_FAILURE(status)) return -1;
  UConverter *utf8 = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) {
    ucnv_close(from);
    return -3;
  }
  ucnv_setToUCallBack(from, (UConverterToUCallback)count_and_substitute, replaced, NULL, NULL,
                      &status);
  char *target = (char *)destination;
  const char *input = (const char *)source;
  if (U_SUCCESS(status)) {
    ucnv_convertEx(utf8, from, &target, (char *)destination + capacity, &input,
                   (const char *)source + length, NULL, NULL, NULL, NULL, 1, 1, &status);
  }
  ucnv_close(from);
  ucnv_close(utf8);
  if (status == U_BUFFER_OVERFLOW_ERROR) return -2;
  if (U_FAILURE(status)) return -3;
  return (int32_t)(target - (char *)destination);
}

int32_t memoscope_convert_from_utf8(const char *name, const uint8_t *source, int32_t length,
                                    uint8_t *destination, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter *to = ucnv_open(name, &status);
  if (U_FAILURE(status)) return -1;
  UConverter *utf8 = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) {
    ucnv_close(to);
    return -3;
  }
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
  char *target = (char *)destination;
  const char *input = (const char *)source;
  if (U_SUCCESS(status)) {
    ucnv_convertEx(to, utf8, &target, (char *)destination + capacity, &input,
                   (const char *)source + length, NULL, NULL, NULL, NULL, 1, 1, &status);
  }
  ucnv_close(to);
  ucnv_close(utf8);
  if (status == U_BUFFER_OVERFLOW_ERROR) return -2;
  if (U_FAILURE(status)) return -3;
  return (int32_t)(target - (char *)destination);
}
