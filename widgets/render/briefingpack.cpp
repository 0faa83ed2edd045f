#include "briefingpack.h"

#include "mapfurniture.h"
#include "maprenderer.h"
#include "scene.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace spheres {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("BriefingPack", text); }

QString stanceWord(Stance s)
{
    switch (s) {
    case Stance::Cooperation: return tr("Cooperation");
    case Stance::Rivalry: return tr("Rivalry");
    case Stance::Context: break;
    }
    return tr("Context");
}

/// The text block under a view's map: caption, claims with stance in words, their notes and sources.
QString pageText(const Brief &brief, const SavedView &view, const Scene &scene, const ViewState &state)
{
    QString html = QStringLiteral("<p style='font-size:12pt'>%1</p>").arg(view.caption.toHtmlEscaped());
    const QList<const Claim *> claims = BriefingPack::claimsOf(brief, view);
    QList<Source> sources;
    for (const Claim *c : claims) {
        html += QStringLiteral("<p style='font-size:10pt'><b>%1.</b> “%2” <span style='color:#555'>(¶%3)</span></p>")
                    .arg(stanceWord(c->stance), c->text.toHtmlEscaped())
                    .arg(c->paragraph + 1);
        if (!c->note.isEmpty())
            html += QStringLiteral("<p style='font-size:8.5pt; color:#333; margin-left:12px'><i>%1</i> %2</p>")
                        .arg(tr("Analyst note:"), c->note.toHtmlEscaped());
        for (const Source &s : c->noteSources)
            if (!sources.contains(s))
                sources << s;
    }
    for (const Source &s : MapFurniture::visibleSources(scene, state))
        if (!sources.contains(s))
            sources << s;
    if (!sources.isEmpty()) {
        QStringList items;
        for (const Source &s : sources)
            items << QStringLiteral("%1, %2 (%3) %4").arg(s.title, s.publisher, s.date, s.url).toHtmlEscaped();
        html += QStringLiteral("<p style='font-size:6pt; color:#444'><b>%1</b> Natural Earth (public domain); %2</p>")
                    .arg(tr("Sources:"), items.join(QStringLiteral("; ")));
    }
    return html;
}

/// The view as the window shows it: its focused claim's regions (groups expanded) and features lit.
ViewState stateFor(const Brief &brief, const SavedView &view, const Scene &scene, QSize size, const ExportOptions &options)
{
    ViewState state = BriefingPack::litState(brief, view, scene.coarse().atlas());
    ExportOptions o = options;
    o.page = ExportOptions::Page::Pixels;
    o.pixelSize = size;
    state = o.fitted(state);
    return state;
}

} // namespace

ViewState BriefingPack::litState(const Brief &brief, const SavedView &view, const Atlas &atlas)
{
    ViewState state = view.state;
    if (const Claim *claim = brief.claim(view.focusedClaim)) {
        state.highlightRegions = atlas.expanded(claim->regions, claim->groups);
        state.highlightFeatures = claim->features;
    }
    return state;
}

QList<const Claim *> BriefingPack::claimsOf(const Brief &brief, const SavedView &view)
{
    QList<const Claim *> out;
    if (const Claim *focused = brief.claim(view.focusedClaim))
        out << focused;
    for (const Claim &c : brief.claims) {
        const bool aboutSelection = (!view.state.selectedRegion.isEmpty() && c.regions.contains(view.state.selectedRegion)) ||
                                    (!view.state.selectedFeature.isEmpty() && c.features.contains(view.state.selectedFeature));
        if (aboutSelection && !out.contains(&c))
            out << &c;
    }
    return out;
}

Exporter::Result BriefingPack::exportPdf(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                         const ExportOptions &options, const QString &path, const Progress &progress)
{
    if (brief.views.isEmpty())
        return {tr("%1: the brief has no views to export").arg(path)};
    return Exporter::writeAtomically(path, [&](QIODevice &file, QString &error) {
        QPdfWriter writer(&file);
        writer.setResolution(int(std::lround(options.dpi)));
        writer.setPageSize(Exporter::pdfPageSize(options));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(brief.title);
        writer.setCreator(QStringLiteral("Spheres"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            error = tr("cannot start a PDF");
            return false;
        }
        const QSize page(writer.width(), writer.height());
        const int mapHeight = int(page.height() * 0.62);
        for (int i = 0; i < brief.views.size(); ++i) {
            const SavedView &view = brief.views[i];
            const Scene *scene = sceneFor(view.state.projectionId);
            if (!scene) {
                error = tr("view \"%1\": projection \"%2\" is not available").arg(view.name, view.state.projectionId);
                return false;
            }
            if (i > 0)
                writer.newPage();
            ExportOptions pageOptions = options;
            pageOptions.title = view.name;
            pageOptions.subtitle = QStringLiteral("%1 · %2 / %3").arg(brief.title).arg(i + 1).arg(brief.views.size());
            pageOptions.caption.clear();
            const ViewState state = stateFor(brief, view, *scene, QSize(page.width(), mapHeight), pageOptions);
            painter.save();
            painter.setClipRect(QRect(0, 0, page.width(), mapHeight));
            Exporter::paint(painter, renderer, *scene, state, pageOptions);
            painter.restore();
            QTextDocument text;
            text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans")));
            text.setHtml(pageText(brief, view, *scene, state));
            const double margin = page.width() * 0.03;
            text.setTextWidth((page.width() - 2 * margin) / (options.dpi / 72.0));
            painter.save();
            painter.translate(margin, mapHeight + margin * 0.5);
            painter.scale(options.dpi / 72.0, options.dpi / 72.0); // the text's points at the page's resolution
            text.drawContents(&painter);
            painter.restore();
            if (progress && !progress(i + 1, int(brief.views.size()))) {
                error = tr("cancelled");
                return false;
            }
        }
        return painter.end();
    });
}

Exporter::Result BriefingPack::exportPngSeries(const MapRenderer &renderer, const SceneFor &sceneFor, const Brief &brief,
                                               const ExportOptions &options, const QString &stemPath,
                                               const Progress &progress, QStringList *written)
{
    if (brief.views.isEmpty())
        return {tr("%1: the brief has no views to export").arg(stemPath)};
    const QFileInfo stem(stemPath);
    const QString base = stem.absolutePath() + u'/' + stem.completeBaseName();
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
        if (const Exporter::Result r = Exporter::exportTo(renderer, *scene, view.state, pageOptions, path); !r.ok())
            return r;
        if (written)
            *written << path;
        if (progress && !progress(i + 1, int(brief.views.size())))
            return {tr("cancelled after %1 of %2 pictures").arg(i + 1).arg(brief.views.size())};
    }
    return {};
}

} // namespace spheres
