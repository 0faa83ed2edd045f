#include "pngencoder.h"

#include <QCoreApplication>

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <new>

namespace spheres {

namespace {

/// True when no pixel of a 32-bit image lets anything through (a map's picture: its background
/// is painted). The scan stops at the first pixel that does.
bool isOpaque(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return true;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(line[x]) != 255)
                return false;
    }
    return true;
}

/// What libpng is handed: rows of 32-bit pixels whose fourth byte it drops (an opaque picture as
/// painted, not copied), or RGBA rows in PNG's byte order.
struct Rows
{
    QImage image;
    int colourType = PNG_COLOR_TYPE_RGB;
    bool dropFourthByte = false;
};

Rows rowsFor(const QImage &image)
{
    const bool painted = image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32 ||
                         image.format() == QImage::Format_ARGB32_Premultiplied;
    const QImage pixels = painted ? image : image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    if (isOpaque(pixels)) // premultiplied or not, an opaque pixel is its colour
        return {pixels, PNG_COLOR_TYPE_RGB, true};
    return {pixels.convertToFormat(QImage::Format_RGBA8888), PNG_COLOR_TYPE_RGB_ALPHA, false};
}

struct Output
{
    QByteArray bytes;
    bool outOfMemory = false;
};

void append(png_structp png, png_bytep data, size_t length)
{
    auto *out = static_cast<Output *>(png_get_io_ptr(png));
    try {
        out->bytes.append(reinterpret_cast<const char *>(data), qsizetype(length));
    } catch (const std::bad_alloc &) {
        out->outOfMemory = true;
    }
    if (out->outOfMemory) // outside the handler: png_error jumps away
        png_error(png, "out of memory");
}

void flush(png_structp) {}

void keepMessage(png_structp png, png_const_charp message)
{
    auto *why = static_cast<char *>(png_get_error_ptr(png));
    std::snprintf(why, 200, "%s", message);
    png_longjmp(png, 1);
}

void ignoreWarning(png_structp, png_const_charp) {}

/// libpng's part, with nothing that has a destructor between setjmp and a longjmp back to it.
bool write(const Rows &rows, int compression, Output &out, char (&why)[200])
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, why, keepMessage, ignoreWarning);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    const QImage &image = rows.image;
    png_set_write_fn(png, &out, append, flush);
    png_set_compression_level(png, std::clamp(compression, 0, 9));
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, png_uint_32(image.width()), png_uint_32(image.height()), 8, rows.colourType,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0)
        png_set_pHYs(png, info, png_uint_32(image.dotsPerMeterX()), png_uint_32(image.dotsPerMeterY()), PNG_RESOLUTION_METER);
    png_write_info(png, info);
    if (rows.dropFourthByte) { // 0xffRRGGBB in memory: B G R ff here, ff R G B on big-endian machines
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
        png_set_bgr(png);
        png_set_filler(png, 0, PNG_FILLER_AFTER);
#else
        png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
    }
    for (int y = 0; y < image.height(); ++y)
        png_write_row(png, image.constScanLine(y));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

QByteArray PngEncoder::encode(const QImage &image, QString *error, int compression)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = QCoreApplication::translate("PngEncoder", "the picture could not be encoded as PNG: %1").arg(why);
        return QByteArray();
    };
    if (image.isNull())
        return fail(QCoreApplication::translate("PngEncoder", "the picture is empty"));
    const Rows rows = rowsFor(image);
    if (rows.image.isNull())
        return fail(QCoreApplication::translate("PngEncoder", "not enough memory"));
    Output out;
    char why[200] = {};
    try {
        // A map compresses to about a byte for every four pixels: one allocation, seldom grown.
        out.bytes.reserve(qsizetype(image.width()) * image.height() / 4 + 1024);
    } catch (const std::bad_alloc &) {
        return fail(QCoreApplication::translate("PngEncoder", "not enough memory"));
    }
    if (!write(rows, compression, out, why))
        return fail(out.outOfMemory || !why[0] ? QCoreApplication::translate("PngEncoder", "not enough memory")
                                               : QString::fromUtf8(why));
    return out.bytes;
}

} // namespace spheres
