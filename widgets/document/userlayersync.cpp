#include "userlayersync.h"

#include "attributeclassifier.h"
#include "briefdocument.h"
#include "briefuserlayers.h"
#include "mapsession.h"
#include "vectorfilereader.h"

#include <QFileInfo>
#include <QSet>

namespace spheres {

UserLayerSync::UserLayerSync(BriefDocument *document, MapSession *session, QObject *parent)
    : QObject(parent), m_document(document), m_session(session)
{
    connect(m_document, &BriefDocument::briefReset, this, &UserLayerSync::sync);
    connect(m_document, &BriefDocument::userLayersChanged, this, &UserLayerSync::sync);
}

QString UserLayerSync::addFile(const QString &path, const QStringList &layerNames)
{
    const QString file = BriefUserLayers::resolve(path, QString());
    QStringList names = layerNames;
    if (names.isEmpty() && !VectorFileReader::isGeoJson(file)) {
        const VectorFileReader::Contents contents = VectorFileReader::listLayers(file);
        if (!contents.ok())
            return contents.error;
        if (contents.layers.size() > 1)
            names = contents.layers; // a single layer is named by no name: the file's only one
    }
    if (names.isEmpty())
        names << QString();
    QList<UserLayerSource> after = m_document->brief().userLayers;
    QStringList errors, warnings;
    for (const QString &name : std::as_const(names)) {
        const UserLayerSource source{file, name, {}};
        BriefUserLayers::Loaded loaded = BriefUserLayers::load(source, QString());
        const QString id = loaded.layer ? loaded.layer->id : QString();
        if (!loaded.layer)
            errors << loaded.problem;
        else if (m_session->hasLayer(id) || m_loaded.contains(keyOf(file, name)))
            errors << tr("%1: a layer named \"%2\" is already open").arg(path, id);
        else {
            m_loaded.insert(keyOf(file, name), loaded.layer); // read once: sync() finds it here
            after << source;
            warnings << loaded.warnings;
        }
    }
    if (after.size() > m_document->brief().userLayers.size())
        m_document->editUserLayers(after, tr("Add layer %1").arg(QFileInfo(file).fileName()));
    if (!warnings.isEmpty())
        emit warningsFound(warnings);
    return errors.join(u'\n');
}

qsizetype UserLayerSync::sourceIndexOf(const QString &layerId) const
{
    const QList<UserLayerSource> &sources = m_document->brief().userLayers;
    for (qsizetype i = 0; i < sources.size(); ++i)
        if (const auto layer = m_loaded.value(keyOf(sources[i].path, sources[i].layerName)); layer && layer->id == layerId)
            return i;
    return -1;
}

bool UserLayerSync::setStyle(const QString &layerId, const AttributeStyle &style)
{
    const qsizetype index = sourceIndexOf(layerId);
    if (index < 0)
        return false;
    QList<UserLayerSource> after = m_document->brief().userLayers;
    after[index].style = style;
    m_document->editUserLayers(after, style.isSet() ? tr("Style %1 by %2").arg(layerId, style.field)
                                                    : tr("Draw %1 plain").arg(layerId));
    return true;
}

UserLayerSync::Wanted UserLayerSync::wantedLayers(QStringList &warnings)
{
    const Brief &brief = m_document->brief();
    Wanted out;
    QSet<QString> ids;
    QSet<const Layer *> ours;
    for (const auto &layer : std::as_const(m_loaded))
        ours.insert(layer.get());
    for (const auto &layer : m_session->layers())
        if (!ours.contains(layer.get()))
            ids.insert(layer->id); // built-in layers keep their ids
    for (qsizetype i = 0; i < brief.userLayers.size(); ++i) {
        const UserLayerSource &source = brief.userLayers[i];
        const QString key = keyOf(source.path, source.layerName);
        std::shared_ptr<const Layer> layer = m_loaded.value(key);
        if (!layer) {
            BriefUserLayers::Loaded loaded = BriefUserLayers::load(brief, i, m_document->filePath());
            warnings << loaded.warnings;
            if (!loaded.layer) {
                m_problems << loaded.problem;
                continue;
            }
            layer = loaded.layer;
        } else if (layer->style != source.style) { // the same features, recoloured
            layer = std::make_shared<const Layer>(AttributeClassifier::styled(*layer, source.style));
        }
        if (ids.contains(layer->id)) {
            m_problems << tr("%1: userLayers[%2] (%3): a layer named \"%4\" is already open")
                              .arg(m_document->filePath().isEmpty() ? tr("the brief") : m_document->filePath())
                              .arg(i).arg(source.path, layer->id);
            continue;
        }
        ids.insert(layer->id);
        out.byKey.insert(key, layer);
        out.inOrder << layer;
    }
    return out;
}

QList<std::shared_ptr<const Layer>> UserLayerSync::sessionLayersWith(const Wanted &wanted) const
{
    // The session's order stands (the user may have moved layers): a layer of the brief is
    // replaced where it is, dropped when the brief no longer names it, and a new one goes on top.
    QHash<const Layer *, std::shared_ptr<const Layer>> replacement;
    for (auto it = m_loaded.cbegin(); it != m_loaded.cend(); ++it)
        replacement.insert(it->get(), wanted.byKey.value(it.key()));
    QList<std::shared_ptr<const Layer>> layers;
    QSet<const Layer *> placed;
    for (const auto &layer : m_session->layers()) {
        if (!replacement.contains(layer.get())) {
            layers << layer;
        } else if (const auto now = replacement.value(layer.get())) {
            layers << now;
            placed.insert(now.get());
        }
    }
    for (const auto &layer : wanted.inOrder)
        if (!placed.contains(layer.get()))
            layers << layer;
    return layers;
}

void UserLayerSync::sync()
{
    m_problems.clear();
    QStringList warnings;
    Wanted wanted = wantedLayers(warnings);
    const QList<std::shared_ptr<const Layer>> layers = sessionLayersWith(wanted);
    m_loaded = std::move(wanted.byKey);
    if (layers != m_session->layers())
        m_session->setLayers(layers);
    if (!warnings.isEmpty())
        emit warningsFound(warnings);
    if (!m_problems.isEmpty())
        emit problemsFound(m_problems.join(u'\n'));
}

} // namespace spheres
