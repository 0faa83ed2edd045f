#include "layerfiles.h"

#include "dialogs/alert.h"
#include "dialogs/attributestyledialog.h"
#include "dialogs/layerchoicedialog.h"
#include "layerloadbar.h"
#include "mapsession.h"
#include "membershipcomparison.h"
#include "projectioncatalog.h"
#include "userlayersync.h"
#include "vectorfilereader.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QStatusBar>

#include <algorithm>

namespace spheres {

LayerFiles::LayerFiles(BriefDocument *document, MapSession *session, QMainWindow *window)
    : QObject(window), m_session(session), m_window(window), m_userLayers(new UserLayerSync(document, session, this)),
      m_loadBar(new LayerLoadBar([this](const UserLayerLoader::Loaded &loaded, const QString &path) {
          return add(loaded.layer, path, loaded.warnings, {loaded.projected});
      }))
{
    connect(m_userLayers, &UserLayerSync::problemsFound, this, [this](const QString &problems) {
        // After the brief has opened: its other layers and its text are there to work on.
        QMetaObject::invokeMethod(this, [this, problems] {
            Alert::warning(m_window, tr("Layers of the brief"), tr("Some layers of the brief could not be opened; they stay "
                                                                   "in the brief:\n%1").arg(problems));
        }, Qt::QueuedConnection);
    });
    connect(m_userLayers, &UserLayerSync::warningsFound, this, &LayerFiles::showWarnings);
    connect(m_loadBar, &LayerLoadBar::finished, this, [this](const QString &errors) {
        if (!errors.isEmpty())
            Alert::warning(m_window, tr("Add layer"), tr("The layer could not be added:\n%1").arg(errors));
    });
    connect(m_loadBar, &LayerLoadBar::cancelled, this,
            [this] { m_window->statusBar()->showMessage(tr("Loading cancelled; no layer was added"), 5000); });
}

QString LayerFiles::addFile(const QString &path, const QStringList &layerNames)
{
    if (!path.startsWith(u':')) // a user's file belongs to the brief; our resources to the window
        return m_userLayers->addFile(path, layerNames);
    QList<VectorFileReader::Result> results;
    if (layerNames.isEmpty())
        results = VectorFileReader::readAllLayers(path);
    else
        for (const QString &name : layerNames)
            results << VectorFileReader::readFile(path, name);
    QStringList errors;
    for (VectorFileReader::Result &result : results)
        if (const QString error =
                result.ok() ? add(std::make_shared<const Layer>(std::move(result.layer)), path, result.warnings) : result.error;
            !error.isEmpty())
            errors << error;
    return errors.join(u'\n');
}

void LayerFiles::loadFile(const QString &path, const QStringList &layerNames)
{
    const Scene *scene = m_session->scene();
    if (!m_loadBar->start(path, layerNames, scene ? scene->projection() : ProjectionCatalog::defaultPreset().projection))
        Alert::warning(m_window, tr("Add layer"), tr("%1: another file is still loading").arg(path));
}

QString LayerFiles::add(std::shared_ptr<const Layer> layer, const QString &source, const QStringList &warnings,
                        const QList<ProjectedLayer> &projected)
{
    const QString id = layer->id;
    if (!m_session->addLayer(std::move(layer), projected))
        return tr("%1: a layer named \"%2\" is already open").arg(source, id);
    if (!warnings.isEmpty())
        showWarnings(warnings);
    return {};
}

void LayerFiles::showWarnings(const QStringList &warnings)
{
    m_window->statusBar()->showMessage(
        tr("Layer added with %n warning(s): %1", nullptr, int(warnings.size())).arg(warnings.first()), 10000);
}

void LayerFiles::chooseFile()
{
    const QString filter = tr("Vector files (%1);;GeoPackage (*.gpkg);;Shapefile (*.shp);;KML (*.kml);;FlatGeobuf (*.fgb);;"
                              "GeoJSON (*.geojson *.json);;GeoJSONSeq (*.geojsons *.geojsonl);;CSV with longitude and latitude (*.csv);;"
                              "All files (*)")
                               .arg(VectorFileReader::fileNamePatterns().join(u' '));
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Add layer"), QString(), filter);
    if (path.isEmpty())
        return;
    const VectorFileReader::Contents contents = VectorFileReader::listLayers(path);
    QStringList chosen;
    if (contents.layers.size() > 1) {
        chosen = LayerChoiceDialog::choose(m_window, QFileInfo(path).fileName(), contents.layers);
        if (chosen.isEmpty())
            return;
    }
    if (contents.ok())
        loadFile(path, chosen);
    else
        Alert::warning(m_window, tr("Add layer"), tr("The layer could not be added:\n%1").arg(contents.error));
}

void LayerFiles::chooseStyle(const QString &layerId)
{
    const auto layers = m_session->layers();
    const auto layer = std::find_if(layers.begin(), layers.end(), [&](const auto &l) { return l->id == layerId; });
    if (layer == layers.end() || !m_userLayers->isUserLayer(layerId)) {
        m_window->statusBar()->showMessage(tr("Only layers added from files can be styled by a field"), 5000);
        return;
    }
    if (const auto style = AttributeStyleDialog::choose(m_window, **layer))
        m_userLayers->setStyle(layerId, *style);
}

void LayerFiles::addBuiltIn(const QString &id)
{
    if (const QString error = addFile(QStringLiteral(":/layers/") + id + QStringLiteral(".geojson")); !error.isEmpty())
        Alert::warning(m_window, tr("Add layer"), tr("The layer could not be added:\n%1").arg(error));
}

void LayerFiles::addComparison(const QString &id)
{
    MembershipComparison::Result result = MembershipComparison::readBuiltIn(id);
    const QString error = result.ok() ? add(std::make_shared<const Layer>(std::move(result.layer)), id, {}) : result.error;
    if (!error.isEmpty()) {
        Alert::warning(m_window, tr("Add layer"), tr("The layer could not be added:\n%1").arg(error));
        return;
    }
    // The comparison says what its sources say, in one colour a state: drawn over them
    // the two would blend, and the legend would list both.
    for (const QString &source : result.sourceLayers)
        m_session->setLayerVisible(source, false);
    emit sourcesSwitchedOff();
}

} // namespace spheres
