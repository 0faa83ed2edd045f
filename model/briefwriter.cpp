#include "briefio.h"

#include "atomicfile.h"
#include "orderedjson.h"

#include <QCoreApplication>

namespace spheres {

namespace {

using Json = OrderedJson;

/// Adds `key` unless `values` is empty: optional members are left out when they say nothing.
void addStrings(Json &object, const QString &key, const QStringList &values)
{
    if (!values.isEmpty())
        object.add(key, Json::strings(values));
}

void addString(Json &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.add(key, Json::string(value));
}

/// Adds `key` with an array of `items`, each written by `write`, unless there are none.
template<typename T, typename Write>
void addArray(Json &object, const QString &key, const QList<T> &items, Write write)
{
    if (items.isEmpty())
        return;
    Json array = Json::array();
    for (const T &item : items)
        array.append(write(item));
    object.add(key, std::move(array));
}

Json sourceNode(const Source &s)
{
    Json source = Json::object();
    source.add(QStringLiteral("title"), Json::string(s.title));
    addString(source, QStringLiteral("publisher"), s.publisher);
    addString(source, QStringLiteral("url"), s.url);
    addString(source, QStringLiteral("date"), s.date);
    return source;
}

Json claimNode(const Claim &c)
{
    Json n = Json::object();
    n.add(QStringLiteral("id"), Json::string(c.id))
        .add(QStringLiteral("paragraph"), Json::number(c.paragraph))
        .add(QStringLiteral("sentence"), Json::number(c.sentence))
        .add(QStringLiteral("text"), Json::string(c.text))
        .add(QStringLiteral("stance"), Json::string(stanceKey(c.stance)));
    addStrings(n, QStringLiteral("regions"), c.regions);
    addStrings(n, QStringLiteral("groups"), c.groups);
    addStrings(n, QStringLiteral("features"), c.features);
    addStrings(n, QStringLiteral("topics"), c.topics);
    addString(n, QStringLiteral("note"), c.note);
    addArray(n, QStringLiteral("noteSources"), c.noteSources, sourceNode);
    n.add(QStringLiteral("confidence"), Json::number(c.confidence));
    addStrings(n, QStringLiteral("cues"), c.cues);
    return n;
}

Json layerNode(const LayerSetting &l)
{
    return Json::object()
        .add(QStringLiteral("id"), Json::string(l.id))
        .add(QStringLiteral("visible"), Json::boolean(l.visible))
        .add(QStringLiteral("opacity"), Json::number(l.opacity));
}

Json userLayerNode(const UserLayerSource &l)
{
    Json n = Json::object();
    n.add(QStringLiteral("path"), Json::string(l.path));
    addString(n, QStringLiteral("layer"), l.layerName);
    if (l.style.isSet()) {
        Json style = Json::object();
        style.add(QStringLiteral("field"), Json::string(l.style.field))
            .add(QStringLiteral("method"), Json::string(AttributeStyle::methodKey(l.style.method)));
        if (l.style.isNumeric())
            style.add(QStringLiteral("classes"), Json::number(l.style.classes));
        n.add(QStringLiteral("style"), std::move(style));
    }
    return n;
}

/// The members of a view after its camera, each left out while it has its default.
void addViewContent(Json &n, const SavedView &v)
{
    const ViewState &s = v.state;
    addStrings(n, QStringLiteral("hiddenLayers"), s.hiddenLayers);
    if (!s.layerOpacity.isEmpty()) {
        Json opacity = Json::object();
        QStringList ids = s.layerOpacity.keys();
        ids.sort(); // stable output: files diff cleanly
        for (const QString &id : ids)
            opacity.add(id, Json::number(s.layerOpacity.value(id)));
        n.add(QStringLiteral("layerOpacity"), std::move(opacity));
    }
    addString(n, QStringLiteral("selectedRegion"), s.selectedRegion);
    addString(n, QStringLiteral("selectedFeature"), s.selectedFeature);
    addString(n, QStringLiteral("focusedClaim"), v.focusedClaim);
    addStrings(n, QStringLiteral("charts"), v.charts);
    addStrings(n, QStringLiteral("hiddenAnnotations"), s.hiddenAnnotations);
    if (s.legendCorner != ViewState().legendCorner || s.legendCollapsed) {
        Json legend = Json::object();
        legend.add(QStringLiteral("corner"), Json::string(cornerName(s.legendCorner)));
        if (s.legendCollapsed)
            legend.add(QStringLiteral("collapsed"), Json::boolean(true));
        n.add(QStringLiteral("legend"), std::move(legend));
    }
}

Json viewNode(const SavedView &v)
{
    // size, styleScale and hoveredRegion belong to the window or the export, not to the brief.
    const ViewState &s = v.state;
    Json n = Json::object();
    n.add(QStringLiteral("name"), Json::string(v.name));
    addString(n, QStringLiteral("caption"), v.caption);
    n.add(QStringLiteral("projection"), Json::string(s.projectionId))
        .add(QStringLiteral("centre"), Json::pair(s.centre.x(), s.centre.y()))
        .add(QStringLiteral("metresPerPixel"), Json::number(s.metresPerPixel))
        .add(QStringLiteral("year"), Json::number(s.year));
    addViewContent(n, v);
    return n;
}

Json lonLatNode(QPointF p) { return Json::pair(p.x(), p.y()); }

/// What places the annotation: the members its kind reads (BriefReader).
void addPlacement(Json &n, const Annotation &a)
{
    switch (a.kind) {
    case Annotation::Kind::Callout:
    case Annotation::Kind::Pin: n.add(QStringLiteral("anchor"), lonLatNode(a.anchor)); break;
    case Annotation::Kind::Arrow:
        n.add(QStringLiteral("tail"), lonLatNode(a.tail)).add(QStringLiteral("anchor"), lonLatNode(a.anchor));
        break;
    case Annotation::Kind::Area: {
        Json points = Json::array();
        for (QPointF p : a.points)
            points.append(lonLatNode(p));
        n.add(QStringLiteral("points"), std::move(points));
        break;
    }
    case Annotation::Kind::Region: n.add(QStringLiteral("region"), Json::string(a.region)); break;
    }
}

Json annotationNode(const Annotation &a)
{
    Json n = Json::object();
    n.add(QStringLiteral("id"), Json::string(a.id)).add(QStringLiteral("kind"), Json::string(Annotation::kindKey(a.kind)));
    addString(n, QStringLiteral("text"), a.text);
    addPlacement(n, a);
    if (a.textOffset)
        n.add(QStringLiteral("textOffset"), lonLatNode(*a.textOffset));
    n.add(QStringLiteral("colour"), Json::string(a.colour)).add(QStringLiteral("textSize"), Json::number(a.textSize));
    return n;
}

Json narrativeNode(const Brief &brief)
{
    Json narrative = Json::object();
    addString(narrative, QStringLiteral("source"), brief.narrativeSource);
    addStrings(narrative, QStringLiteral("paragraphs"), brief.paragraphs);
    return narrative;
}

} // namespace

QByteArray BriefWriter::toJson(const Brief &brief)
{
    Json top = Json::object();
    top.add(QStringLiteral("schemaVersion"), Json::number(Brief::kSchemaVersion));
    addString(top, QStringLiteral("title"), brief.title);
    addString(top, QStringLiteral("author"), brief.author);
    if (brief.date.isValid())
        top.add(QStringLiteral("date"), Json::string(brief.date.toString(Qt::ISODate)));
    if (!brief.narrativeSource.isEmpty() || !brief.paragraphs.isEmpty())
        top.add(QStringLiteral("narrative"), narrativeNode(brief));
    addArray(top, QStringLiteral("claims"), brief.claims, claimNode);
    addArray(top, QStringLiteral("layers"), brief.layers, layerNode);
    addArray(top, QStringLiteral("userLayers"), brief.userLayers, userLayerNode);
    addArray(top, QStringLiteral("views"), brief.views, viewNode);
    addArray(top, QStringLiteral("annotations"), brief.annotations, annotationNode);
    return top.toJson();
}

QString BriefWriter::save(const Brief &brief, const QString &path, QByteArray *written)
{
    const QByteArray json = toJson(brief);
    // Refuse to write what could not be opened again: the user would lose the brief.
    const BriefReader::Result check = BriefReader::read(json, path);
    if (!check.ok()) {
        const QString reason = check.error.mid(path.size() + 2);
        return QStringLiteral("%1: %2").arg(path, tr("not saved, because it would not read back: %1").arg(reason));
    }
    const QString error = AtomicFile::save(path, json);
    if (error.isEmpty() && written)
        *written = json;
    return error;
}

} // namespace spheres
