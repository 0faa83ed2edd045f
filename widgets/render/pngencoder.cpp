#include "pngencoder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageWriter>

namespace spheres {

QByteArray PngEncoder::encode(const QImage &image, QString *error, int compression)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setCompression(compression);
    if (writer.write(image))
        return bytes;
    if (error)
        *error = QCoreApplication::translate("PngEncoder", "the picture could not be encoded as PNG: %1")
                     .arg(writer.errorString());
    return {};
}

} // namespace spheres
