#include "briefingpack.h"
#include "safetext.h"

#include "atomicfile.h"
#include "basemapcredit.h"
#include "claimfinder.h"
#include "mapfurniture.h"
#include "maprenderer.h"
#include "scene.h"
#include "sourcenumbering.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <functional>

#include <memory>
#include <vector>

namespace spheres {

namespace {

/// What a claim is linked to, in words: its regions, then its groups marked as such (a group is
/// a setting, not a list of its members): "China, Russia; Central Asia (group)".
QString linksText(const Claim &claim, const Atlas &atlas)
{
    QStringList regions, groups;
    for (const QString &code : claim.regions) {
        const Region *r = atlas.region(code);
        regions << (r ? r->name : code);
    }
    for (const QString &id : claim.groups) {
        const RegionGroup *g = atlas.group(id);
        groups << BriefingPack::tr("%1 (group)").arg(g ? g->name : id);
    }
    QStringList parts;
    if (!regions.isEmpty())
        parts << regions.join(QStringLiteral(", "));
    if (!groups.isEmpty())
        parts << groups.join(QStringLiteral(", "));
    return parts.join(QStringLiteral("; "));
}

/// The text block under a view's map: caption, claims with stance in words, their notes, and the
/// numbers of their sources and the map's in `numbering`.
QString pageText(const Brief &brief, const SavedView &view, const Scene &scene, const ViewState &state,
                 SourceNumbering &numbering)
{
    QString html = QStringLiteral("<p style='font-size:12pt'>%1</p>").arg(SafeText::html(view.caption));
    const QList<const Claim *> claims = ClaimFinder(brief, &scene.coarse().atlas()).aboutView(view);
    QList<Source> sources;
    for (const Claim *c : claims) {
        html += QStringLiteral("<p style='font-size:10pt'><b>%1.</b> “%2” <span style='color:#555'>(¶%3)</span></p>")
                    .arg(stanceLabel(c->stance), SafeText::html(c->text))
                    .arg(c->paragraph + 1);
        if (const QString links = linksText(*c, scene.coarse().atlas()); !links.isEmpty())
            html += QStringLiteral("<p style='font-size:8.5pt; color:#333; margin-left:12px'><i>%1</i> %2</p>")
                        .arg(BriefingPack::tr("Linked to:"), SafeText::html(links));
        if (!c->note.isEmpty())
            html += QStringLiteral("<p style='font-size:8.5pt; color:#333; margin-left:12px'><i>%1</i> %2</p>")
                        .arg(BriefingPack::tr("Analyst note:"), SafeText::html(c->note));
        for (const Source &s : c->noteSources)
            if (!sources.contains(s))
                sources << s;
    }
    for (const Source &s : MapFurniture::visibleSources(scene, state))
        if (!sources.contains(s))
            sources << s;
    // Cited by number: the list is the pack's last pages, each source once for the whole pack.
    QString cited = BaseMapCredit::sentence() + u'.';
    if (const QList<int> numbers = numbering.cite(sources); !numbers.isEmpty())
        cited += u' ' + BriefingPack::tr("Numbered in the list at the end of the pack: %1.").arg(SourceNumbering::ranges(numbers));
    html += QStringLiteral("<p style='font-size:7.5pt; color:#444; margin-top:6px'><b>%1</b> %2</p>")
                .arg(BriefingPack::tr("Sources."), SafeText::html(cited));
    return html;
}

/// The view as the window shows it: its focused claim's regions (groups expanded) and features lit.
ViewState stateFor(const Brief &brief, const SavedView &view, const Scene &scene, QSize size, const ExportOptions &options)
{
    return options.fitted(BriefingPack::litState(brief, view, scene.coarse().atlas()), size);
}

/// A page of the pack: its size in device pixels and its resolution.
struct Page
{
    QSize size;
    double dpi;
    double margin() const { return size.width() * 0.03; }
    /// Draws rich text `html`, `width` device pixels wide, with its top left at `at`; returns its height.
    double drawText(QPainter &painter, const QString &html, QPointF at, double width) const
    {
        const double pointsToPixels = dpi / 72.0; // the text's points at the page's resolution
        SafeTextDocument text;
        text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans")));
        text.setHtml(html);
        text.setTextWidth(width / pointsToPixels);
        painter.save();
        painter.translate(at);
        painter.scale(pointsToPixels, pointsToPixels);
        text.drawContents(&painter);
        painter.restore();
        return text.size().height() * pointsToPixels;
    }
};

/// Rich text laid out once, then drawn in slices that end between two lines: the first under a
/// view's map, the rest on continuation pages. The breaks are chosen from the laid-out lines,
/// and each line is drawn in the one slice that holds its top: QTextDocument's own paginated
/// drawing clips lines it does not skip, so a PDF's text layer had a line at a break twice.
class FlowingText
{
public:
    FlowingText(const QString &html, double width, double dpi)
        : m_scale(dpi / 72.0) // the text's points at the page's resolution
    {
        m_text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans")));
        m_text.setHtml(html);
        m_text.setTextWidth(width / m_scale);
        m_end = m_text.size().height();
        for (QTextBlock block = m_text.begin(); block.isValid(); block = block.next()) {
            const QTextLayout *layout = block.layout();
            const QPointF origin = m_text.documentLayout()->blockBoundingRect(block).topLeft() - layout->boundingRect().topLeft();
            for (int i = 0; i < layout->lineCount(); ++i) {
                const QRectF rect = layout->lineAt(i).rect();
                m_lines.push_back({layout->lineAt(i), origin, origin.y() + rect.top(), origin.y() + rect.bottom()});
            }
        }
    }
    /// Where a slice that starts at `from` and has `room` device pixels ends, in the text's own
    /// points: after its last whole line (or at the room's edge, for a line taller than a page).
    double sliceEnd(double from, double room) const
    {
        const double limit = from + std::max(room / m_scale, 12.0); // a line at least: each slice moves on
        if (limit >= m_end)
            return m_end;
        double end = from;
        for (const Line &line : m_lines)
            if (line.top >= from - kEdge && line.bottom <= limit)
                end = std::max(end, line.bottom);
        return end > from ? end : limit;
    }
    bool endsAt(double position) const { return position >= m_end - kEdge; }
    /// The whole text's height in device pixels.
    double height() const { return m_end * m_scale; }
    /// Draws the lines whose tops lie from `from` to `to` (points) with the slice's top left at `at`.
    void drawSlice(QPainter &painter, double from, double to, QPointF at) const
    {
        painter.save();
        painter.translate(at);
        painter.scale(m_scale, m_scale);
        painter.translate(0, -from);
        painter.setClipRect(QRectF(0, from, m_text.textWidth(), to - from), Qt::IntersectClip);
        painter.setPen(Qt::black); // paper, whatever the desktop's palette; spans keep their own colours
        for (const Line &line : m_lines)
            if (line.top >= from - kEdge && line.top < to - kEdge)
                line.line.draw(&painter, line.origin);
        painter.restore();
    }

private:
    struct Line
    {
        QTextLine line;
        QPointF origin; ///< where its block's layout stands in the text
        double top, bottom;
    };
    static constexpr double kEdge = 0.5; ///< points
    double m_scale;
    double m_end = 0;
    std::vector<Line> m_lines;
    SafeTextDocument m_text;
};

/// A page's heading: a title and, in grey under it, where the page stands in the pack.
QString headingHtml(const QString &title, const QString &place, double titlePoints)
{
    return QStringLiteral("<p style='font-size:%1pt; font-weight:600'>%2</p><p style='font-size:%3pt; color:#444'>%4</p>")
        .arg(titlePoints)
        .arg(SafeText::html(title))
        .arg(titlePoints * 0.6)
        .arg(SafeText::html(place));
}

/// Draws `text` from `top` to the page's foot, then on continuation pages under `heading`, each
/// filled to its foot.
void flowOntoPages(QPainter &painter, const Page &page, const FlowingText &text, double top, const QString &heading,
                   const std::function<void()> &newPage)
{
    const double margin = page.margin(), width = page.size.width() - 2 * margin, bottom = page.size.height() - margin * 0.5;
    double to = text.sliceEnd(0, bottom - top);
    text.drawSlice(painter, 0, to, QPointF(margin, top));
    while (!text.endsAt(to)) {
        newPage();
        const double y = margin * 0.6 + page.drawText(painter, heading, QPointF(margin, margin * 0.6), width) + margin * 0.3;
        const double from = to;
        to = text.sliceEnd(from, bottom - y);
        text.drawSlice(painter, from, to, QPointF(margin, y));
    }
}

/// A view's own page: the map on the upper part, its caption, claims and sources under it.
void paintViewPage(QPainter &painter, const Page &page, const MapRenderer &renderer, const Scene &scene,
                   const Brief &brief, const SavedView &view, const ExportOptions &options, const QString &place,
                   SourceNumbering &numbering, const std::function<void()> &newPage)
{
    const double margin = page.margin(), width = page.size.width() - 2 * margin;
    ExportOptions pageOptions = options;
    pageOptions.title = view.name;
    pageOptions.subtitle = place;
    pageOptions.caption.clear();
    const auto bandOf = [&page](int height) { return QSize(page.size.width(), height); };
    // The map takes 62 % of the page; down to half of it when that keeps the text on this page,
    // rather than a continuation page for a few lines.
    int mapHeight = int(page.size.height() * 0.62);
    {
        SourceNumbering trial = numbering;
        const ViewState trialState = stateFor(brief, view, scene, bandOf(mapHeight), pageOptions);
        const double needed = FlowingText(pageText(brief, view, scene, trialState, trial), width, page.dpi).height() + margin;
        if (const int room = int(page.size.height() - needed); room < mapHeight && room >= page.size.height() / 2)
            mapHeight = room;
    }
    const ViewState state = stateFor(brief, view, scene, bandOf(mapHeight), pageOptions);
    painter.save();
    painter.setClipRect(QRect(QPoint(0, 0), bandOf(mapHeight)));
    Exporter::paint(painter, renderer, scene, state, pageOptions, bandOf(mapHeight));
    painter.restore();
    const FlowingText text(pageText(brief, view, scene, state, numbering), width, page.dpi);
    flowOntoPages(painter, page, text, mapHeight + margin * 0.5, headingHtml(BriefingPack::tr("%1 (continued)").arg(view.name), place, 14),
                  newPage);
}

/// The pack's last pages: every source its pages cite, numbered, one a line.
void paintSourcesPages(QPainter &painter, const Page &page, const QList<Source> &sources, const QString &place,
                       const std::function<void()> &newPage)
{
    QString html;
    for (qsizetype i = 0; i < sources.size(); ++i)
        html += QStringLiteral("<p style='font-size:7.5pt; color:#333; margin:0px 0px 2px 0px'><b>%1</b>&nbsp; %2</p>")
                    .arg(i + 1)
                    .arg(SafeText::html(SourceNumbering::describe(sources[i])));
    const double margin = page.margin(), width = page.size.width() - 2 * margin;
    const double top = margin * 0.6 + page.drawText(painter, headingHtml(BriefingPack::tr("Sources"), place, 20), QPointF(margin, margin * 0.6), width) +
                       margin * 0.3;
    flowOntoPages(painter, page, FlowingText(html, width, page.dpi), top, headingHtml(BriefingPack::tr("Sources (continued)"), place, 14), newPage);
}

/// The page after a view's page: its name as a heading, then its charts filling the rest.
void paintChartsPage(QPainter &painter, const Page &page, const BriefingPack::ChartPainter &paintChart,
                     const SavedView &view, const QString &place)
{
    const double margin = page.margin(), width = page.size.width() - 2 * margin;
    const double top = margin * 0.6 + page.drawText(painter, headingHtml(view.name, place, 20), QPointF(margin, margin * 0.6), width) + margin * 0.3;
    const QRectF area(margin, top, width, page.size.height() - top - margin);
    const QList<QRectF> cells = BriefingPack::chartCells(area, int(view.charts.size()), margin * 0.6);
    for (int i = 0; i < cells.size(); ++i) {
        painter.save();
        painter.setClipRect(cells[i]);
        const bool drawn = paintChart(painter, cells[i], view.charts[i], view);
        painter.restore();
        if (drawn)
            continue;
        // Said on the page rather than failing the pack: the maps and text are still worth having.
        painter.save();
        painter.setPen(QColor(0x66, 0x66, 0x66));
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        painter.drawText(cells[i], Qt::AlignCenter | Qt::TextWordWrap,
                         BriefingPack::tr("The chart \"%1\" could not be drawn.").arg(view.charts[i]));
        painter.restore();
    }
}

} // namespace

ViewState BriefingPack::litState(const Brief &brief, const SavedView &view, const Atlas &atlas)
{
    ViewState state = view.state;
    if (const Claim *claim = brief.claim(view.focusedClaim)) {
        state.highlightRegions = atlas.expanded(claim->regions, claim->groups);
        state.highlightFeatures = claim->features;
        state.highlightGroups = claim->groups;
    }
    return state;
}

QList<QRectF> BriefingPack::chartCells(const QRectF &area, int count, double gap)
{
    QList<QRectF> cells;
    if (count <= 0)
        return cells;
    if (count == 1)
        return {area};
    // The first chart gets the wider column: in the panel's order it is the one with the most to
    // show (pipeline capacity's long names, or membership's years). The others share the other.
    const double first = (area.width() - gap) * 0.6, second = area.width() - gap - first;
    cells << QRectF(area.left(), area.top(), first, area.height());
    const int rest = count - 1;
    const double h = (area.height() - gap * (rest - 1)) / rest;
    for (int i = 0; i < rest; ++i)
        cells << QRectF(area.left() + first + gap, area.top() + i * (h + gap), second, h);
    return cells;
}

QString BriefingPack::checkPage(const ExportOptions &options)
{
    const QSizeF inches = QSizeF(options.outputSize()) / options.dpi;
    if (std::min(inches.width(), inches.height()) >= kMinPageInches)
        return {};
    return tr("a briefing pack needs pages of at least %1 inches a side for its text, and %2×%3 pixels at %4 DPI "
              "is %5×%6 inches; choose a larger size or a lower resolution")
        .arg(kMinPageInches)
        .arg(options.outputSize().width())
        .arg(options.outputSize().height())
        .arg(options.dpi)
        .arg(inches.width(), 0, 'f', 1)
        .arg(inches.height(), 0, 'f', 1);
}

Exporter::Result BriefingPack::exportPdf(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                         const ExportOptions &options, const QString &path, const Progress &progress,
                                         const ChartPainter &paintChart)
{
    if (brief.views.isEmpty())
        return {tr("%1: the brief has no views to export").arg(path)};
    if (const QString problem = checkPage(options); !problem.isEmpty())
        return {tr("%1: %2").arg(path, problem), Exporter::Result::Status::BadOptions};
    bool cancelled = false;
    const QString error = AtomicFile::save(path, [&](QIODevice &file, QString &error) {
        QPdfWriter writer(&file);
        writer.setResolution(int(std::lround(options.dpi)));
        writer.setPageSize(Exporter::pdfPageSize(options));
        writer.setPageOrientation(options.page == ExportOptions::Page::Pixels || options.portrait ? QPageLayout::Portrait
                                                                                                 : QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(brief.title);
        writer.setCreator(QStringLiteral("Spheres"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            error = tr("cannot start a PDF");
            return false;
        }
        const Page page{QSize(writer.width(), writer.height()), options.dpi};
        const auto newPage = [&writer] { writer.newPage(); };
        SourceNumbering numbering;
        for (int i = 0; i < brief.views.size(); ++i) {
            const SavedView &view = brief.views[i];
            const Scene *scene = sceneFor(view.state.projectionId);
            if (!scene) {
                error = tr("view \"%1\": projection \"%2\" is not available").arg(view.name, view.state.projectionId);
                return false;
            }
            if (i > 0)
                writer.newPage();
            const QString place = QStringLiteral("%1 · %2 / %3").arg(brief.title).arg(i + 1).arg(brief.views.size());
            paintViewPage(painter, page, renderer, *scene, brief, view, options, place, numbering, newPage);
            if (paintChart && !view.charts.isEmpty()) {
                writer.newPage();
                paintChartsPage(painter, page, paintChart, view, tr("%1 · charts").arg(place));
            }
            if (progress && !progress(i + 1, int(brief.views.size()))) {
                error = tr("cancelled");
                cancelled = true;
                return false;
            }
        }
        if (!numbering.sources().isEmpty()) {
            writer.newPage();
            paintSourcesPages(painter, page, numbering.sources(), tr("%1 · sources").arg(brief.title), newPage);
        }
        return painter.end();
    });
    return {error, cancelled ? Exporter::Result::Status::Cancelled : Exporter::Result::Status::WriteFailed};
}

Exporter::Result BriefingPack::exportPngSeries(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                               const ExportOptions &options, const QString &stemPath,
                                               const Progress &progress, QStringList *written)
{
    if (brief.views.isEmpty())
        return {tr("%1: the brief has no views to export").arg(stemPath)};
    const QFileInfo stem(stemPath);
    const QString base = stem.absolutePath() + u'/' + stem.completeBaseName();
    // Every picture is written before any old one is replaced: a failure or a cancel part-way
    // leaves the old series whole.
    std::vector<std::unique_ptr<AtomicFile>> files;
    for (int i = 0; i < brief.views.size(); ++i) {
        const SavedView &view = brief.views[i];
        const Scene *scene = sceneFor(view.state.projectionId);
        if (!scene)
            return {tr("view \"%1\": projection \"%2\" is not available").arg(view.name, view.state.projectionId)};
        ExportOptions pageOptions = options;
        pageOptions.format = ExportOptions::Format::Png;
        pageOptions.title = view.name;
        pageOptions.caption = view.caption;
        const QString path = QStringLiteral("%1-%2.png").arg(base).arg(i + 1, 2, 10, QLatin1Char('0'));
        auto file = std::make_unique<AtomicFile>(path);
        if (const QString error = file->open(); !error.isEmpty())
            return {error};
        if (const Exporter::Result r = Exporter::exportInto(*file, renderer, *scene, view.state, pageOptions); !r.ok())
            return r;
        files.push_back(std::move(file));
        if (progress && !progress(i + 1, int(brief.views.size())))
            return {tr("cancelled after %1 of %2 pictures; none was written").arg(i + 1).arg(brief.views.size()),
                    Exporter::Result::Status::Cancelled};
    }
    for (const auto &file : files) {
        if (const QString error = file->commit(); !error.isEmpty())
            return {error};
        if (written)
            *written << file->path();
    }
    return {};
}

} // namespace spheres
