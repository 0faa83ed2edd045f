#pragma once

#include "layer.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

class QMainWindow;

namespace spheres {

class BriefDocument;
class LayerLoadBar;
class MapSession;
struct ProjectedLayer;
class UserLayerSync;

/// Brings layers into the map session: a user's vector file (a checklist when it holds several
/// layers, read in the background with progress in the status bar), one of the optional built-in
/// layers, or a comparison of blocs (whose source layers it then switches off); and styles a
/// user's layer by a field. What fails is told in a message that names the file.
class LayerFiles : public QObject
{
    Q_OBJECT
public:
    LayerFiles(BriefDocument *document, MapSession *session, QMainWindow *window);

    /// Adds a user's vector file (GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, GeoJSONSeq,
    /// CSV) as layers: the named layers of a multi-layer file, all of them when none are named.
    /// Returns the error messages (naming the file), or empty.
    QString addFile(const QString &path, const QStringList &layerNames = {});
    /// Loads a user's vector file in the background, with progress and Cancel in the status
    /// bar; the layers are added when it is read (errors shown then). See addFile().
    void loadFile(const QString &path, const QStringList &layerNames = {});
    /// Adds `layer` on top (`projected`: already projected, in the background); an error naming
    /// `source` when a layer of its id is open. Warnings go to the status bar.
    QString add(std::shared_ptr<const Layer> layer, const QString &source, const QStringList &warnings,
                const QList<ProjectedLayer> &projected = {});
    /// Asks for a file (and, in a file of several, its layers) and loads it.
    void chooseFile();
    /// Asks how to colour the user's layer `layerId` by one of its fields.
    void chooseStyle(const QString &layerId);
    /// Adds the optional built-in layer `id` (GeoJsonReader::optionalIds()).
    void addBuiltIn(const QString &id);
    /// Adds the comparison of blocs `id` (MembershipComparison::builtInIds()) and switches its
    /// sources off.
    void addComparison(const QString &id);

    /// The brief's user layers on the map (File > Add layer, Style by field).
    UserLayerSync *userLayers() const { return m_userLayers; }
    LayerLoadBar *loadBar() const { return m_loadBar; }

signals:
    /// A comparison's source layers were switched off (the Layers panel shows it).
    void sourcesSwitchedOff();

private:
    void showWarnings(const QStringList &warnings);

    MapSession *m_session;
    QMainWindow *m_window;
    UserLayerSync *m_userLayers;
    LayerLoadBar *m_loadBar;
};

} // namespace spheres
