#include "layeredsvg.h"

#include "basemapcredit.h"
#include "mapfurniture.h"
#include "maprenderer.h"
#include "safetext.h"
#include "scene.h"
#include "sourcenumbering.h"

#include <QBuffer>
#include <QPainter>
#include <QSet>
#include <QSvgGenerator>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cmath>

namespace spheres {

namespace {

/// The export's title panel, scale bar and credits block, drawn over the map.
class FurniturePainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(FurniturePainter)

public:
    explicit FurniturePainter(const ExportOptions &options) : m_options(options) {}
    QString group() const override { return QStringLiteral("furniture"); }
    QString label() const override { return tr("Title, scale and credits"); }
    MapPass pass() const override { return MapPass::Credits; }
    void paint(QPainter &painter, const MapFrame &frame) const override
    {
        MapFurniture::paint(painter, frame.scene(), frame.view(), m_options, frame.style());
    }

private:
    const ExportOptions &m_options;
};

/// The paper round a map framed on a page, and the neatline where the map ends on purpose.
class PaperPainter : public MapLayerPainter
{
    Q_DECLARE_TR_FUNCTIONS(PaperPainter)

public:
    PaperPainter(QRect frame, QSize page) : m_frame(frame), m_page(page) {}
    QString group() const override { return QStringLiteral("paper"); }
    QString label() const override { return tr("Paper"); }
    MapPass pass() const override { return MapPass::Background; }
    void paint(QPainter &painter, const MapFrame &frame) const override
    {
        painter.setClipping(false); // the paper lies outside the map
        painter.fillRect(QRect(-m_frame.topLeft(), m_page), Qt::white);
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), std::max(1.0, frame.view().styleScale)));
        painter.drawRect(QRectF(QPointF(0, 0), QSizeF(m_frame.size())));
    }

private:
    QRect m_frame;
    QSize m_page;
};

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

} // namespace

LayeredSvg::LayeredSvg(const MapRenderer &renderer, const Scene &scene, const ViewState &view,
                       const ExportOptions &options, QRect frame, QSize size)
    : m_renderer(renderer), m_scene(scene), m_view(view), m_options(options), m_frame(frame), m_size(size)
{}

QList<LayeredSvg::Group> LayeredSvg::groups(const MapLayerPainters &parts) const
{
    QList<Group> out;
    for (const auto &part : parts)
        if (!out.isEmpty() && out.back().id == part->group())
            out.back().parts << part.get();
        else
            out.push_back({part->group(), part->label(), {part.get()}});
    return out;
}

QString LayeredSvg::drawn(const Group &group, const MapFrame &frame) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(m_size);
    generator.setViewBox(QRect(QPoint(0, 0), m_size));
    generator.setResolution(int(std::lround(m_options.dpi)));
    {
        QPainter painter(&generator);
        painter.translate(m_frame.topLeft());
        for (const MapLayerPainter *part : group.parts)
            MapRenderer::paint(painter, frame, *part);
    }
    // QSvgGenerator escapes markup in the text it writes, but not the characters XML cannot hold.
    return SafeText::xml(QString::fromUtf8(buffer.data()));
}

void LayeredSvg::writeHead(QXmlStreamWriter &out) const
{
    const double mm = 25.4 / m_options.dpi;
    out.writeStartDocument(QStringLiteral("1.0"), false);
    out.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    out.writeStartElement(QStringLiteral("svg"));
    out.writeNamespace(QStringLiteral("http://www.w3.org/1999/xlink"), QStringLiteral("xlink"));
    out.writeNamespace(QStringLiteral("http://www.inkscape.org/namespaces/inkscape"), QStringLiteral("inkscape"));
    out.writeAttribute(QStringLiteral("width"), QStringLiteral("%1mm").arg(m_size.width() * mm, 0, 'f', 2));
    out.writeAttribute(QStringLiteral("height"), QStringLiteral("%1mm").arg(m_size.height() * mm, 0, 'f', 2));
    out.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(m_size.width()).arg(m_size.height()));
    out.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
    out.writeAttribute(QStringLiteral("baseProfile"), QStringLiteral("tiny"));
    out.writeTextElement(QStringLiteral("title"), SafeText::xml(m_options.title.isEmpty() ? tr("Spheres map") : m_options.title));
    // The credits are compact on the map; the file's description lists every source in full.
    QStringList desc;
    if (!m_options.subtitle.isEmpty())
        desc << m_options.subtitle;
    if (m_options.showCredits) {
        desc << tr("%1. Sources:").arg(BaseMapCredit::sentence());
        for (const Source &s : MapFurniture::visibleSources(m_scene, m_view))
            desc << SourceNumbering::describe(s);
    }
    if (!desc.isEmpty())
        out.writeTextElement(QStringLiteral("desc"), SafeText::xml(desc.join(u'\n')));
}

QByteArray LayeredSvg::document() const
{
    MapLayerPainters parts = m_renderer.painters(m_scene, m_view, m_options.mapPasses(), MapRenderer::Layering::Separate);
    if (m_frame.size() != m_size)
        parts.insert(parts.begin(), std::make_unique<PaperPainter>(m_frame, m_size));
    parts.push_back(std::make_unique<FurniturePainter>(m_options));
    const MapFrame frame(m_renderer, m_scene, m_view);
    QByteArray svg;
    QXmlStreamWriter out(&svg);
    out.setAutoFormatting(true);
    out.setAutoFormattingIndent(1);
    writeHead(out);
    QSet<QString> ids;
    for (const Group &g : groups(parts)) {
        const QString id = uniqueXmlId(g.id, ids);
        out.writeStartElement(QStringLiteral("g"));
        out.writeAttribute(QStringLiteral("id"), id);
        out.writeAttribute(QStringLiteral("inkscape:groupmode"), QStringLiteral("layer"));
        out.writeAttribute(QStringLiteral("inkscape:label"), SafeText::xml(g.label));
        copyPass(drawn(g, frame), id + u'-', out);
        out.writeEndElement();
    }
    out.writeEndDocument();
    return svg;
}

} // namespace spheres
