#pragma once

#include "attributestyle.h"
#include "layer.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace spheres {

class BriefDocument;
class MapSession;

/// Keeps the map's user layers those the open brief names (Brief::userLayers): a brief opened
/// brings its layers, an undo takes one away, a new style recolours one without reading its file
/// again. Adding a file or styling a layer is an edit of the brief, so it is saved and undone with
/// it. A file that cannot be read is reported (problemsFound) and left in the brief, so that
/// saving never drops it; the other layers open all the same.
class UserLayerSync : public QObject
{
    Q_OBJECT
public:
    UserLayerSync(BriefDocument *document, MapSession *session, QObject *parent = nullptr);

    /// Adds the named layers of a user's file (all of them when none are named) to the brief, as
    /// one undoable edit, and so to the map. Returns the errors, each naming the file; a layer
    /// that cannot be read or whose id is taken is not added.
    QString addFile(const QString &path, const QStringList &layerNames = {});
    /// Colours the user layer `layerId` by `style` (unset: plain), as an undoable edit; false when
    /// the layer is none of the brief's.
    bool setStyle(const QString &layerId, const AttributeStyle &style);
    /// Whether `layerId` is one of the brief's user layers, on the map now.
    bool isUserLayer(const QString &layerId) const { return sourceIndexOf(layerId) >= 0; }
    /// The problems of the brief's layers at the last change ("<brief>: userLayers[i] (<path>): …").
    const QStringList &problems() const { return m_problems; }

signals:
    void problemsFound(const QString &message);
    void warningsFound(const QStringList &warnings);

private:
    /// The brief's user layers: those loaded already (restyled if their style changed) and
    /// the rest read now, by key and in the brief's order; problems go to m_problems.
    struct Wanted
    {
        QHash<QString, std::shared_ptr<const Layer>> byKey;
        QList<std::shared_ptr<const Layer>> inOrder;
    };
    Wanted wantedLayers(QStringList &warnings);
    /// The session's layers with the brief's user layers put in: replaced where they are,
    /// dropped when gone, new ones on top.
    QList<std::shared_ptr<const Layer>> sessionLayersWith(const Wanted &wanted) const;
    void sync();
    qsizetype sourceIndexOf(const QString &layerId) const;
    static QString keyOf(const QString &path, const QString &layerName) { return path + u'\n' + layerName; }

    BriefDocument *m_document;
    MapSession *m_session;
    QHash<QString, std::shared_ptr<const Layer>> m_loaded; ///< by keyOf(path, layer): what is on the map
    QStringList m_problems;
};

} // namespace spheres
