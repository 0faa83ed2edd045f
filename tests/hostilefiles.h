#pragma once
// Generated inputs that once cost quadratic time or unbounded memory, shared by the tests (which
// check the readers' answers on small ones) and the benchmark (which times the sizes that froze
// the window: spheres_bench --hostile).

#include <QByteArray>
#include <QString>

namespace spheres::hostile {

/// A brief whose `claims` each quote a long run of a long sentence, prefixed so that it is not
/// in the paragraph: a backwards-comparing substring search matches the whole quote at every
/// word before failing, and a per-claim sentence count rereads the paragraph every time.
inline QByteArray briefWithLongSentences(int paragraphs, int claims, int sentenceLength, int quoteLength)
{
    QByteArray sentence;
    while (sentence.size() < sentenceLength)
        sentence += "word ";
    sentence.chop(1);
    sentence += '.';
    const QByteArray quote = "Another " + sentence.left(quoteLength);
    QByteArray out = R"({"schemaVersion": 1, "narrative": {"paragraphs": [)";
    for (int p = 0; p < paragraphs; ++p)
        out += (p ? ", \"" : "\"") + sentence + '"';
    out += "]}, \"claims\": [";
    for (int c = 0; c < claims; ++c) {
        out += (c ? ", " : "") + QByteArray(R"({"id": "c)") + QByteArray::number(c) + R"(", "paragraph": )"
               + QByteArray::number(c % paragraphs) + R"(, "sentence": 0, "stance": "context", "text": ")" + quote + "\"}";
    }
    out += "]}";
    return out;
}

/// A GeoJSON layer of `features` features that all have the same id.
inline QByteArray geoJsonWithDuplicateIds(int features)
{
    QByteArray out = R"({"type": "FeatureCollection", "features": [)";
    for (int i = 0; i < features; ++i)
        out += (i ? "," : "") + QByteArray(R"({"type":"Feature","id":"same","geometry":null})");
    out += "]}";
    return out;
}

/// A GeoJSON polygon of one ring of `positions` positions that goes round the globe again and
/// again in steps of 170° of longitude (12,000 positions: 232 KB, 5,600 turns).
inline QByteArray geoJsonWindingRing(int positions)
{
    QByteArray ring;
    double lon = 0;
    for (int i = 0; i < positions; ++i) {
        const double lat = 10.0 + 60.0 * i / positions;
        ring += '[' + QByteArray::number(lon, 'f', 3) + ',' + QByteArray::number(lat, 'f', 3) + "],";
        lon += 170.0;
        if (lon > 180.0)
            lon -= 360.0;
    }
    ring += "[0.000,10.000]";
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"w","geometry":{"type":"Polygon","coordinates":[[)"
           + ring + "]]}}]}";
}

/// Narrative text of one paragraph behind many quote markers, full of Markdown openers that are
/// never closed.
inline QString narrativeWithUnmatchedMarkdown(int markers)
{
    QString line;
    const QString pieces[] = {QStringLiteral("*a "), QStringLiteral("__b "), QStringLiteral("[c "), QStringLiteral("[^d "),
                              QStringLiteral("[e](f "), QStringLiteral("_g ")};
    for (int i = 0; i < markers; ++i)
        line += pieces[i % 6];
    return QStringLiteral("> ").repeated(markers / 4) + line + QStringLiteral("end.");
}

} // namespace spheres::hostile
