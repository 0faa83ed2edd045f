#include "exporter.h"

#include "maprenderer.h"
#include "scene.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>

namespace spheres {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("Exporter", text); }
}

QString Exporter::checkSize(const ViewState &view)
{
    const qint64 w = view.size.width(), h = view.size.height();
    if (w <= 0 || h <= 0)
        return tr("the picture size %1×%2 is empty").arg(w).arg(h);
    if (w > kMaxPixels || h > kMaxPixels)
        return tr("the picture size %1×%2 is larger than %3 pixels a side, which Qt cannot paint")
            .arg(w).arg(h).arg(kMaxPixels);
    if (w * h > 400'000'000)
        return tr("the picture size %1×%2 needs more than 1.6 GB of memory").arg(w).arg(h);
    return {};
}

QImage Exporter::renderImage(const MapRenderer &renderer, const Scene &scene, const ViewState &view)
{
    QImage image(view.size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(painter, scene, view);
    return image;
}

Exporter::Result Exporter::exportPng(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                                     const QString &path)
{
    if (const QString problem = checkSize(view); !problem.isEmpty())
        return {problem};
    const QImage image = renderImage(renderer, scene, view);
    if (image.isNull())
        return {tr("not enough memory for a %1×%2 picture").arg(view.size.width()).arg(view.size.height())};
    QSaveFile file(path); // atomic: a failed export never leaves half a file
    if (!file.open(QIODevice::WriteOnly))
        return {tr("%1: %2").arg(path, file.errorString())};
    QImageWriter writer(&file, "png");
    writer.setCompression(1); // fast; PNG stays lossless
    if (!writer.write(image))
        return {tr("%1: %2").arg(path, writer.errorString())};
    if (!file.commit())
        return {tr("%1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace spheres
