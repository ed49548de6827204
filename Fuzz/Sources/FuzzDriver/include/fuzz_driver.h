#ifndef MEMOSCOPE_FUZZ_DRIVER_H
#define MEMOSCOPE_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM names each
   executable's entry point `<Module>_main` and aliases `main` to it, so libFuzzer's own `main`
   is never linked: each target's entry point calls the driver itself. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
