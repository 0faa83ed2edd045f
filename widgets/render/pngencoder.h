#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace spheres {

/// Every PNG Spheres writes (maps, numbered views, charts) is encoded here, in memory, and only
/// then handed to AtomicFile. Encoding straight into the file would let a full disk fail inside
/// libpng; in memory the disk's error comes from AtomicFile, naming the file and the reason.
///
/// It drives libpng itself rather than through QImageWriter, for two choices Qt does not offer:
/// no row filter (a map is flat colour, which deflate's matches take whole; libpng's adaptive
/// filters cost twice the deflating and leave a larger file: at 1080p 0.58 MB in 20 ms against
/// 0.71 MB in 56 ms), and an opaque picture's rows handed over as they are, without a copy in
/// another format.
class PngEncoder
{
public:
    /// zlib's level, 0–9. 1: at 1080p 0.58 MB; higher levels save a few percent for 1.5–5× the
    /// time (spheres_bench prints each).
    static constexpr int kCompression = 1;

    /// The PNG bytes of `image`, or empty with `error` set. An opaque picture is written as RGB,
    /// one with see-through pixels as RGBA; the resolution is kept.
    static QByteArray encode(const QImage &image, QString *error = nullptr, int compression = kCompression);
};

} // namespace spheres
