#include "exportoptions.h"

#include "viewstate.h"

#include <QFileInfo>
#include <QPageSize>

#include <algorithm>
#include <cmath>

namespace spheres {

namespace {

constexpr double kPrintDpi = 300.0;

/// From the size in millimetres, which is exact for both papers: QPageSize::sizePixels() goes
/// through whole points, and sizes in inches are rounded, which puts A4 a pixel off.
QSize landscapePixels(QPageSize::PageSizeId id, double dpi)
{
    const QSizeF inches = QPageSize(id).size(QPageSize::Millimeter) / 25.4;
    return QSize(int(std::lround(inches.height() * dpi)), int(std::lround(inches.width() * dpi)));
}

} // namespace

std::optional<ExportOptions::Format> ExportOptions::formatOf(const QString &path)
{
    return formatNamed(QFileInfo(path).suffix());
}

std::optional<ExportOptions::Format> ExportOptions::formatNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"png")
        return Format::Png;
    if (n == u"svg")
        return Format::Svg;
    if (n == u"pdf")
        return Format::Pdf;
    return std::nullopt;
}

QString ExportOptions::suffix(Format format)
{
    switch (format) {
    case Format::Png: return QStringLiteral("png");
    case Format::Svg: return QStringLiteral("svg");
    case Format::Pdf: return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ExportOptions::Preset> ExportOptions::presetNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"1080p")
        return Preset::Hd1080;
    if (n == u"4k")
        return Preset::Uhd4k;
    if (n == u"a4")
        return Preset::A4;
    if (n == u"letter")
        return Preset::Letter;
    return std::nullopt;
}

ExportOptions ExportOptions::forPreset(Preset preset, Format format)
{
    ExportOptions o;
    o.format = format;
    switch (preset) {
    case Preset::Hd1080:
        o.pixelSize = kReferenceSize;
        break;
    case Preset::Uhd4k:
        o.pixelSize = kReferenceSize * 2;
        break;
    case Preset::A4:
    case Preset::Letter:
        o.dpi = kPrintDpi;
        o.page = preset == Preset::A4 ? Page::A4 : Page::Letter;
        break;
    }
    return o;
}

QSize ExportOptions::outputSize() const
{
    if (page == Page::Pixels)
        return pixelSize;
    return landscapePixels(page == Page::A4 ? QPageSize::A4 : QPageSize::Letter, dpi);
}

double ExportOptions::styleScale() const
{
    const QSize size = outputSize();
    const double bySize = std::min(double(size.width()) / kReferenceSize.width(),
                                   double(size.height()) / kReferenceSize.height());
    return std::max({1.0, bySize, dpi / kReferenceDpi});
}

ViewState ExportOptions::fitted(const ViewState &view) const
{
    ViewState out = view.withoutPointer(); // the pointer is not part of the picture
    out.size = outputSize();
    if (!view.size.isEmpty() && !out.size.isEmpty()) {
        const double k = std::min(double(out.size.width()) / view.size.width(),
                                  double(out.size.height()) / view.size.height());
        out.metresPerPixel = view.metresPerPixel / k;
    }
    out.styleScale = styleScale();
    return out;
}

} // namespace spheres
