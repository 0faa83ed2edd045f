#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace spheres {

/// Cheap checks on untrusted JSON, done before the bytes reach QJsonDocument, so that a hostile
/// file is refused with a message instead of costing deep recursion or memory. Used by
/// TopoJsonReader, GeoJsonReader and BriefReader.
///
/// QJsonDocument itself refuses documents nested more than 1024 deep ("too deeply nested
/// document") without crashing, but it gets there by recursing, and so do the readers' own walks
/// over the parsed document; kMaxDepth keeps every such walk shallow. Real files nest less than
/// 10 deep.
class JsonLimits
{
public:
    static constexpr int kMaxDepth = 512;

    /// TopoJSON: the file size, and the positions decoded from arcs plus those placed in rings
    /// (an arc may be referenced any number of times, so a small file could otherwise ask for
    /// billions of points).
    static constexpr qint64 kTopoJsonMaxBytes = 64 * 1024 * 1024;
    static constexpr qint64 kTopoJsonMaxPositions = 20'000'000;

    /// A message (without the file name; the readers put it in front) when `data` is larger than
    /// `maxBytes` or nests arrays and objects more than `maxDepth` deep; nothing otherwise.
    /// Brackets inside strings do not count. Malformed JSON is left to QJsonDocument to report.
    static std::optional<QString> check(const QByteArray &data, int maxDepth, qint64 maxBytes);

    /// Reads a file, but never more than one byte over `maxBytes`: a larger file is refused
    /// (by its size, or by check() when its size is unknown) without all of it in memory.
    /// On failure `error` is "<path>: <why>".
    static std::optional<QByteArray> readFile(const QString &path, qint64 maxBytes, QString &error);
};

} // namespace spheres
