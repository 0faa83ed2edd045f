// libFuzzer target: TopoJsonReader on untrusted bytes. Any result is fine; a crash, a sanitizer
// report, a hang or unbounded memory is not. See CMakeLists.txt beside this file.
#include "topojsonreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = spheres::TopoJsonReader::read(bytes, QStringLiteral("countries"), QStringLiteral("fuzz"));
    if (result.ok() == !result.error.isEmpty())
        __builtin_trap();
    return 0;
}
