#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace spheres {

/// Every PNG Spheres writes (maps, numbered views, charts) is encoded here, in memory, and only
/// then handed to AtomicFile. Encoding straight into the file would let a full disk fail inside
/// libpng, whose error path in Qt 6.4 leaks the image it converted and reports only "Write
/// Error"; in memory the disk's error comes from AtomicFile, naming the file and the reason.
class PngEncoder
{
public:
    /// QImageWriter's PNG compression, on Qt's 0–100 scale (zlib level = value × 9 / 91, so 1 is
    /// no compression at all). 11 is zlib level 1: at 1080p 0.70 MB in the time level 0 takes for
    /// 8.3 MB; higher levels save under 0.1 MB for 1.5–7× the time (spheres_bench prints each).
    static constexpr int kCompression = 11;

    /// The PNG bytes of `image`, or empty with `error` set.
    static QByteArray encode(const QImage &image, QString *error = nullptr, int compression = kCompression);
};

} // namespace spheres
