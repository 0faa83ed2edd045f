#include "exportflow.h"

#include "dialogs/alert.h"
#include "briefingpack.h"
#include "charts/chartprinter.h"
#include "dialogs/exportdialog.h"
#include "exporter.h"
#include "map/mapcanvas.h"
#include "scenecache.h"

#include <QFileDialog>
#include <QMainWindow>
#include <QProgressDialog>
#include <QStatusBar>

namespace spheres {

void ExportFlow::run(QMainWindow *window, const MapCanvas &canvas, const Brief &brief, std::shared_ptr<const Atlas> atlas)
{
    if (!canvas.scene())
        return;
    ExportDialog dialog(brief.title, int(brief.views.size()), window);
    const MapRenderer previewRenderer = canvas.exportRenderer();
    dialog.setPreviewMap(previewRenderer, canvas.scene(), canvas.view());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportOptions options = dialog.options();
    const QString suffix = ExportOptions::suffix(options.format);
    const bool all = dialog.scope() == ExportDialog::Scope::AllViews;
    QString path = QFileDialog::getSaveFileName(window, all ? tr("Export all views") : tr("Export"),
                                                (all ? tr("briefing-pack.") : tr("map.")) + suffix,
                                                tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u'.' + suffix, Qt::CaseInsensitive))
        path += u'.' + suffix;
    Exporter::Result result;
    const MapRenderer renderer = canvas.exportRenderer();
    if (!all) {
        ViewState view = canvas.view();
        result = Exporter::exportTo(renderer, *canvas.scene(), view, options, path);
    } else {
        SceneCache scenes(atlas, canvas.layers());
        QProgressDialog progress(tr("Exporting the views…"), tr("Cancel"), 0, int(brief.views.size()), window);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(0);
        auto step = [&progress](int done, int) {
            progress.setValue(done);
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        };
        auto sceneFor = [&scenes](const QString &id) { return scenes.sceneFor(id); };
        ChartPrinter charts(canvas.layers(), atlas, brief);
        const BriefingPack::ChartPainter paintChart = dialog.includesCharts() ? charts.chartPainter() : nullptr;
        result = options.format == ExportOptions::Format::Pdf
                     ? BriefingPack::exportPdf(renderer, sceneFor, brief, options, path, step, paintChart)
                     : options.format == ExportOptions::Format::Png
                           ? BriefingPack::exportPngSeries(renderer, sceneFor, brief, options, path, step)
                           : Exporter::Result{tr("all views go to a PDF briefing pack or numbered PNG pictures, not SVG"),
                                              Exporter::Result::Status::BadOptions};
    }
    if (result.status == Exporter::Result::Status::Cancelled)
        window->statusBar()->showMessage(tr("Export cancelled; nothing was written"), 5000);
    else if (!result.ok())
        Alert::warning(window, tr("Export"), tr("Nothing was exported:\n%1").arg(result.error));
    else
        window->statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

} // namespace spheres
