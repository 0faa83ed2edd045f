// libFuzzer target: GeoJsonReader on untrusted bytes. See CMakeLists.txt beside this file.
#include "geojsonreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = spheres::GeoJsonReader::read(bytes, QStringLiteral("fuzz"));
    (void)result;
    return 0;
}
