#include "exporter.h"
#include "sourcenumbering.h"

#include "atomicfile.h"
#include "basemapcredit.h"

#include "mapfurniture.h"
#include "maprenderer.h"
#include "pngencoder.h"
#include "safetext.h"
#include "scene.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QSvgGenerator>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <functional>

namespace spheres {

namespace {

using Pass = MapRenderer::Pass;

/// A PNG writer for AtomicFile: encoded in memory first (see PngEncoder).
AtomicFile::Writer pngWriter(const QImage &image)
{
    return [&image](QIODevice &file, QString &error) {
        const QByteArray png = PngEncoder::encode(image, &error);
        return !png.isEmpty() && file.write(png) == png.size();
    };
}

MapRenderer::Passes mapPasses(const ExportOptions &options)
{
    MapRenderer::Passes passes = MapRenderer::kAllPasses;
    if (!options.showLegend)
        passes &= ~MapRenderer::Passes(Pass::Legend);
    if (options.showCredits) // MapFurniture draws fuller credits in its place
        passes &= ~MapRenderer::Passes(Pass::Credits);
    return passes;
}

/// The renderer for an export: its legend keeps clear of the furniture drawn over the map.
MapRenderer clearOfFurniture(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                             const ExportOptions &options)
{
    MapRenderer out = renderer;
    out.setLegendKeepClear(Exporter::furnitureBoxes(scene, view, options, renderer.style()));
    return out;
}

/// One pass drawn alone into an in-memory SVG, without the characters XML cannot hold
/// (QSvgGenerator escapes markup in the text it writes, but not those).
QString svgPass(QSize size, QPoint offset, double dpi, const std::function<void(QPainter &)> &draw)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(int(std::lround(dpi)));
    {
        QPainter painter(&generator);
        painter.translate(offset);
        draw(painter);
    }
    return SafeText::xml(QString::fromUtf8(buffer.data()));
}

/// An attribute's value with the ids it defines or refers to prefixed, so that the passes' ids
/// stay unique in one document.
QString prefixedValue(const QXmlStreamAttribute &attribute, const QString &prefix)
{
    QString value = attribute.value().toString();
    if (attribute.name() == u"id")
        return prefix + value;
    if (attribute.name() == u"href" && value.startsWith(u'#'))
        return value.insert(1, prefix);
    return value.replace(QStringLiteral("url(#"), QStringLiteral("url(#") + prefix);
}

/// Copies a pass's content (what its <svg> holds, less its title and description) into `out`,
/// element by element, ids prefixed. QSvgGenerator's output is well-formed once SafeText::xml
/// has dropped what XML cannot hold; were it not, the copy would stop at the error and the
/// writer would still close every element it opened.
void copyPass(const QString &pass, const QString &prefix, QXmlStreamWriter &out)
{
    QXmlStreamReader in(pass);
    int depth = 0;
    while (!in.atEnd()) {
        switch (in.readNext()) {
        case QXmlStreamReader::StartElement:
            if (++depth == 1)
                break; // the pass's own <svg>
            if (depth == 2 && (in.name() == u"title" || in.name() == u"desc")) {
                in.skipCurrentElement();
                --depth;
                break;
            }
            out.writeStartElement(in.qualifiedName().toString());
            for (const QXmlStreamAttribute &attribute : in.attributes())
                out.writeAttribute(attribute.qualifiedName().toString(), prefixedValue(attribute, prefix));
            break;
        case QXmlStreamReader::EndElement:
            if (depth-- > 1)
                out.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (depth > 1 && !in.isWhitespace())
                out.writeCharacters(in.text().toString());
            break;
        default:
            break;
        }
    }
}

/// A group's id as an XML name: `stem` (letters, digits, '-', '_', '.'; anything else becomes
/// '_'), numbered when another group already has it.
QString uniqueXmlId(const QString &stem, QSet<QString> &taken)
{
    QString id;
    for (const QChar c : stem)
        id += (c.isLetterOrNumber() && c.unicode() < 0x80) || c == u'-' || c == u'_' || c == u'.' ? c : u'_';
    if (id.isEmpty() || !id.front().isLetter())
        id.prepend(u'_');
    QString candidate = id;
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = QStringLiteral("%1-%2").arg(id).arg(n);
    taken.insert(candidate);
    return candidate;
}

QPageSize pageSize(const ExportOptions &options)
{
    switch (options.page) {
    case ExportOptions::Page::A4: return QPageSize(QPageSize::A4);
    case ExportOptions::Page::Letter: return QPageSize(QPageSize::Letter);
    case ExportOptions::Page::Pixels: break;
    }
    const QSizeF inches = QSizeF(options.pixelSize) / options.dpi;
    return QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch);
}

} // namespace

QPageSize Exporter::pdfPageSize(const ExportOptions &options) { return pageSize(options); }

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

QString Exporter::checkOptions(const ExportOptions &options)
{
    if (!(options.dpi >= ExportOptions::kMinDpi && options.dpi <= ExportOptions::kMaxDpi))
        return tr("the resolution %1 DPI is not between %2 and %3")
            .arg(options.dpi).arg(ExportOptions::kMinDpi).arg(ExportOptions::kMaxDpi);
    ViewState probe;
    probe.size = options.outputSize();
    if (probe.size.isEmpty())
        return tr("the picture size %1×%2 is empty").arg(probe.size.width()).arg(probe.size.height());
    switch (options.format) {
    case Format::Png:
        return checkSize(probe);
    case Format::Svg: // drawn as vectors; only the coordinates must stay in Qt's range
        return probe.size.width() > 10 * kMaxPixels || probe.size.height() > 10 * kMaxPixels
                   ? tr("the picture size %1×%2 is absurdly large").arg(probe.size.width()).arg(probe.size.height())
                   : QString();
    case Format::Pdf: {
        const QSizeF inches = QSizeF(probe.size) / options.dpi;
        if (inches.width() > kMaxPageInches || inches.height() > kMaxPageInches)
            return tr("the page %1×%2 pixels at %3 DPI is larger than %4 inches a side, the most a PDF page can be")
                .arg(probe.size.width()).arg(probe.size.height()).arg(options.dpi).arg(kMaxPageInches);
        return {};
    }
    }
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
        return {problem, Result::Status::BadOptions};
    const QImage image = renderImage(renderer, scene, view);
    if (image.isNull())
        return {tr("not enough memory for a %1×%2 picture").arg(view.size.width()).arg(view.size.height()),
                Result::Status::OutOfMemory};
    return {AtomicFile::save(path, pngWriter(image))};
}

QList<QRectF> Exporter::furnitureBoxes(const Scene &scene, const ViewState &view, const ExportOptions &options,
                                       const MapStyle &style)
{
    QList<QRectF> boxes{MapFurniture::titlePanel(view, options, style)};
    if (options.showCredits)
        boxes << MapFurniture::creditsBlock(scene, view, style).box;
    return boxes;
}

QRect Exporter::frameOn(const ViewState &view, QSize page)
{
    if (page.isEmpty())
        return QRect(QPoint(0, 0), view.size);
    return QRect(QPoint((page.width() - view.size.width()) / 2, (page.height() - view.size.height()) / 2), view.size);
}

void Exporter::paint(QPainter &painter, const MapRenderer &mapRenderer, const Scene &scene, const ViewState &view,
                     const ExportOptions &options, QSize page)
{
    const MapRenderer renderer = clearOfFurniture(mapRenderer, scene, view, options);
    const QRect frame = frameOn(view, page);
    const bool framed = !page.isEmpty() && frame.size() != page;
    if (framed)
        painter.fillRect(QRect(QPoint(0, 0), page), Qt::white);
    painter.save();
    painter.translate(frame.topLeft());
    renderer.render(painter, scene, view, mapPasses(options));
    MapFurniture::paint(painter, scene, view, options, renderer.style());
    painter.restore();
    if (framed) { // a neatline: the map ends there on purpose
        painter.save();
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), std::max(1.0, view.styleScale)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(frame));
        painter.restore();
    }
}

QByteArray Exporter::svgDocument(const MapRenderer &mapRenderer, const Scene &scene, const ViewState &view,
                                 const ExportOptions &options, QSize page)
{
    const MapRenderer renderer = clearOfFurniture(mapRenderer, scene, view, options);
    const QRect frame = frameOn(view, page);
    const QSize size = page.isEmpty() ? view.size : page;
    struct Group
    {
        QString id, label;
        std::function<void(QPainter &)> draw;
    };
    QList<Group> groups;
    // Membership layers colour the land itself: the base map is the land without them, and
    // each one's group repeats the land coloured up to it, so hiding it shows what is below.
    QStringList membership;
    for (const ProjectedLayer &pl : scene.layers())
        if (pl.layer->kind == LayerKind::Membership)
            membership << pl.layer->id;
    ViewState plain = view;
    plain.hiddenLayers += membership;
    groups.push_back({QStringLiteral("basemap"), tr("Base map"), [&, plain](QPainter &p) {
                          renderer.render(p, scene, plain, Pass::Background | Pass::Land);
                      }});
    for (qsizetype i = 0; i < membership.size(); ++i) {
        if (view.hiddenLayers.contains(membership[i]))
            continue;
        ViewState upToThis = view;
        upToThis.hiddenLayers += membership.mid(i + 1);
        const auto &pl = *std::find_if(scene.layers().begin(), scene.layers().end(),
                                       [&](const ProjectedLayer &l) { return l.layer->id == membership[i]; });
        groups.push_back({QStringLiteral("layer-") + membership[i], pl.layer->title,
                          [&, upToThis](QPainter &p) { renderer.render(p, scene, upToThis, Pass::Land); }});
    }
    for (const ProjectedLayer &pl : scene.layers()) {
        if (pl.layer->kind == LayerKind::Membership || view.hiddenLayers.contains(pl.layer->id))
            continue;
        ViewState alone = view;
        for (const ProjectedLayer &other : scene.layers())
            if (other.layer != pl.layer)
                alone.hiddenLayers << other.layer->id;
        groups.push_back({QStringLiteral("layer-") + pl.layer->id, pl.layer->title,
                          [&, alone](QPainter &p) { renderer.render(p, scene, alone, Pass::Layers); }});
    }
    groups.push_back({QStringLiteral("selection"), tr("Selection"),
                      [&](QPainter &p) { renderer.render(p, scene, view, Pass::Selection); }});
    groups.push_back({QStringLiteral("labels"), tr("Labels"),
                      [&](QPainter &p) { renderer.render(p, scene, view, Pass::Labels); }});
    if (!renderer.annotationLayout(scene, view).isEmpty())
        groups.push_back({QStringLiteral("annotations"), tr("Annotations"),
                          [&](QPainter &p) { renderer.render(p, scene, view, Pass::Annotations); }});
    if (options.showLegend)
        groups.push_back({QStringLiteral("legend"), tr("Legend"),
                          [&](QPainter &p) { renderer.render(p, scene, view, Pass::Legend); }});
    groups.push_back({QStringLiteral("furniture"), tr("Title, scale and credits"), [&](QPainter &p) {
                          if (!options.showCredits)
                              renderer.render(p, scene, view, Pass::Credits);
                          MapFurniture::paint(p, scene, view, options, renderer.style());
                      }});

    // QSvgGenerator cannot name groups: each pass is drawn into its own document, and their
    // contents are copied into one, in drawing order, by an XML reader and writer, so that
    // whatever a title, a label or an id says, it is text or an attribute value, never markup.
    if (frame.size() != size) // the paper round the map's frame, and its neatline
        groups.push_front({QStringLiteral("paper"), tr("Paper"), [&, frame](QPainter &p) {
                               p.fillRect(QRect(-frame.topLeft(), size), Qt::white);
                               p.setPen(QPen(QColor(0x55, 0x55, 0x55), std::max(1.0, view.styleScale)));
                               p.drawRect(QRectF(QPointF(0, 0), QSizeF(frame.size())));
                           }});
    const double mm = 25.4 / options.dpi;
    QByteArray svg;
    QXmlStreamWriter out(&svg);
    out.setAutoFormatting(true);
    out.setAutoFormattingIndent(1);
    out.writeStartDocument(QStringLiteral("1.0"), false);
    out.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    out.writeStartElement(QStringLiteral("svg"));
    out.writeNamespace(QStringLiteral("http://www.w3.org/1999/xlink"), QStringLiteral("xlink"));
    out.writeNamespace(QStringLiteral("http://www.inkscape.org/namespaces/inkscape"), QStringLiteral("inkscape"));
    out.writeAttribute(QStringLiteral("width"), QStringLiteral("%1mm").arg(size.width() * mm, 0, 'f', 2));
    out.writeAttribute(QStringLiteral("height"), QStringLiteral("%1mm").arg(size.height() * mm, 0, 'f', 2));
    out.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(size.width()).arg(size.height()));
    out.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
    out.writeAttribute(QStringLiteral("baseProfile"), QStringLiteral("tiny"));
    out.writeTextElement(QStringLiteral("title"), SafeText::xml(options.title.isEmpty() ? tr("Spheres map") : options.title));
    // The credits are compact on the map; the file's description lists every source in full.
    QStringList desc;
    if (!options.subtitle.isEmpty())
        desc << options.subtitle;
    if (options.showCredits) {
        desc << tr("%1. Sources:").arg(BaseMapCredit::sentence());
        for (const Source &s : MapFurniture::visibleSources(scene, view))
            desc << SourceNumbering::describe(s);
    }
    if (!desc.isEmpty())
        out.writeTextElement(QStringLiteral("desc"), SafeText::xml(desc.join(u'\n')));
    QSet<QString> ids;
    for (const Group &g : groups) {
        const QString id = uniqueXmlId(g.id, ids);
        out.writeStartElement(QStringLiteral("g"));
        out.writeAttribute(QStringLiteral("id"), id);
        out.writeAttribute(QStringLiteral("inkscape:groupmode"), QStringLiteral("layer"));
        out.writeAttribute(QStringLiteral("inkscape:label"), SafeText::xml(g.label));
        copyPass(svgPass(size, frame.topLeft(), options.dpi, g.draw), id + u'-', out);
        out.writeEndElement();
    }
    out.writeEndDocument();
    return svg;
}

Exporter::Result Exporter::exportTo(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                                    const ExportOptions &options, const QString &path)
{
    if (const QString problem = checkOptions(options); !problem.isEmpty())
        return {problem, Result::Status::BadOptions};
    AtomicFile file(path);
    if (const QString error = file.open(); !error.isEmpty())
        return {error};
    if (const Result written = exportInto(file, renderer, scene, view, options); !written.ok())
        return written;
    return {file.commit()};
}

Exporter::Result Exporter::exportInto(AtomicFile &file, const MapRenderer &renderer, const Scene &scene,
                                      const ViewState &view, const ExportOptions &options)
{
    if (const QString problem = checkOptions(options); !problem.isEmpty())
        return {problem, Result::Status::BadOptions};
    const QSize page = options.outputSize();
    ViewState out = options.fitted(view, page);
    switch (options.format) {
    case Format::Png: {
        QImage image(page, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return {tr("not enough memory for a %1×%2 picture").arg(page.width()).arg(page.height()),
                    Result::Status::OutOfMemory};
        const int dotsPerMetre = int(std::lround(options.dpi / 0.0254));
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            paint(painter, renderer, scene, out, options, page);
        }
        return {file.write(pngWriter(image))};
    }
    case Format::Svg:
        return {file.write(svgDocument(renderer, scene, out, options, page))};
    case Format::Pdf:
        return {file.write([&](QIODevice &device, QString &error) {
            QPdfWriter writer(&device);
            writer.setResolution(int(std::lround(options.dpi)));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setPageSize(pageSize(options));
            writer.setPageOrientation(options.page == ExportOptions::Page::Pixels || options.portrait
                                          ? QPageLayout::Portrait
                                          : QPageLayout::Landscape);
            writer.setTitle(options.title.isEmpty() ? tr("Spheres map") : options.title);
            writer.setCreator(QStringLiteral("Spheres"));
            QPainter painter;
            if (!painter.begin(&writer)) {
                error = tr("cannot start a PDF");
                return false;
            }
            const QSize pdfPage(writer.width(), writer.height()); // the page, to the pixel
            paint(painter, renderer, scene, options.fitted(view, pdfPage), options, pdfPage);
            return painter.end();
        })};
    }
    return {};
}

} // namespace spheres
