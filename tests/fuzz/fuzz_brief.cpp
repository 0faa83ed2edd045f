// libFuzzer target: BriefReader on untrusted bytes, and for every brief it accepts, the round
// trip BriefWriter::toJson -> BriefReader::read, which must succeed and give the same brief
// (BriefWriter's promise). See CMakeLists.txt beside this file.
#include "briefio.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto first = spheres::BriefReader::read(bytes, QStringLiteral("fuzz"));
    if (!first.ok())
        return 0;
    const QByteArray json = spheres::BriefWriter::toJson(first.brief);
    const auto second = spheres::BriefReader::read(json, QStringLiteral("fuzz"));
    if (!second.ok()) {
        std::fprintf(stderr, "brief round trip: the written brief does not read back: %s\n--- written:\n%s\n",
                     qPrintable(second.error), json.constData());
        std::abort();
    }
    if (!(second.brief == first.brief)) {
        std::fprintf(stderr, "brief round trip: the brief read back differs\n--- written:\n%s\n--- rewritten:\n%s\n",
                     json.constData(), spheres::BriefWriter::toJson(second.brief).constData());
        std::abort();
    }
    return 0;
}
