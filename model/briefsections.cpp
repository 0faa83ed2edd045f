#include "briefsections.h"

#include "briefio.h"
#include "projectioncatalog.h"
#include "viewlimits.h"
#include "yearrange.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace spheres {

using namespace Qt::StringLiterals;

namespace {

constexpr YearRange kYears = YearRange::facts();
constexpr double kFarOffset = 2000.0; ///< pixels: further than any screen from its anchor

QString num(qint64 n) { return QString::number(n); }


/// "views[2] (Overview)": the place of an item in messages once its name is known.
QString itemPlace(const char *section, qsizetype index, const QString &name)
{
    return QStringLiteral("%1[%2] (%3)").arg(QLatin1StringView(section), num(index), name);
}

/// The first member of `o` (a view or an annotation) names it: read it before anything else, so
/// that every later message can say which item is wrong.
bool readName(JsonFields &f, const QJsonValue &value, const char *section, qsizetype index, QStringView key,
              const QString &shape, QString &name)
{
    const QString place = QStringLiteral("%1[%2]").arg(QLatin1StringView(section), num(index));
    if (!value.isObject())
        return f.fail(place, BriefReader::tr("must be an object %1").arg(shape));
    return f.requiredString(value.toObject(), key, name, place);
}

// --- Views ---------------------------------------------------------------------------------------

bool readProjection(JsonFields &f, const QJsonObject &o, ViewState &state, const QString &place)
{
    if (!f.requiredString(o, u"projection", state.projectionId, place))
        return false;
    // Unlike regions, the projections are part of the program: a view in an unknown one cannot be drawn.
    if (ProjectionCatalog::find(state.projectionId))
        return true;
    return f.fail(place, BriefReader::tr("\"projection\" must be one of %1 (it is \"%2\")")
                             .arg(ProjectionCatalog::ids().join(QStringLiteral(", ")), state.projectionId));
}

bool readScale(JsonFields &f, const QJsonObject &o, ViewState &state, const QString &place)
{
    const QJsonValue scale = o.value(u"metresPerPixel");
    const double given = scale.toDouble();
    if (!scale.isDouble() || !(given > 0.0) || !std::isfinite(given)) {
        const QString actual = scale.isDouble() ? QString::number(given) : BriefReader::tr("not a number");
        return f.fail(place, BriefReader::tr("\"metresPerPixel\" must be a number greater than 0 (it is %1)").arg(actual));
    }
    state.metresPerPixel = ViewLimits::clampedScale(given);
    // A scale out of range is a typo or a hostile file, not a reason to lose the brief: drawn in range.
    if (state.metresPerPixel != given) {
        f.warn(place, BriefReader::tr("\"metresPerPixel\" %1 is outside [%2, %3]; the view is drawn at %4")
                          .arg(QString::number(given), QString::number(ViewLimits::kMinMetresPerPixel),
                               QString::number(ViewLimits::kMaxMetresPerPixel), QString::number(state.metresPerPixel)));
    }
    return true;
}

bool readLayerOpacity(JsonFields &f, const QJsonObject &o, ViewState &state, const QString &place)
{
    const QJsonValue opacity = o.value(u"layerOpacity");
    if (opacity.isUndefined())
        return true;
    if (!opacity.isObject())
        return f.fail(place, BriefReader::tr("\"layerOpacity\" must be an object of layer id → opacity"));
    const QJsonObject byLayer = opacity.toObject();
    for (auto it = byLayer.begin(); it != byLayer.end(); ++it) {
        const double value = it.value().toDouble(-1.0);
        if (!it.value().isDouble() || value < 0.0 || value > 1.0)
            return f.fail(place, BriefReader::tr("\"layerOpacity\": \"%1\" must be a number from 0 to 1").arg(it.key()));
        state.layerOpacity.insert(it.key(), value);
    }
    return true;
}

bool readLegend(JsonFields &f, const QJsonObject &o, ViewState &state, const QString &place)
{
    const QJsonValue legend = o.value(u"legend");
    if (legend.isUndefined())
        return true;
    const QJsonObject l = legend.toObject();
    const auto corner = cornerNamed(l.value(u"corner").toString(u"bottom-left"_s));
    if (!legend.isObject() || !corner || (l.contains(u"collapsed") && !l.value(u"collapsed").isBool()))
        return f.fail(place, BriefReader::tr("\"legend\" must be {\"corner\": \"bottom-left\", \"bottom-right\", \"top-left\" or "
                                "\"top-right\", \"collapsed\": true or false}"));
    state.legendCorner = *corner;
    state.legendCollapsed = l.value(u"collapsed").toBool(false);
    return true;
}

bool readCharts(JsonFields &f, const QJsonObject &o, SavedView &view, const QString &place)
{
    // Unlike layers, the charts are part of the program: an unknown id is a typo or a newer file.
    if (!f.stringList(o, u"charts", view.charts, place))
        return false;
    for (const QString &id : std::as_const(view.charts)) {
        if (!SavedView::isChartId(id)) {
            QStringList known;
            for (QStringView k : SavedView::kChartIds)
                known << k.toString();
            return f.fail(place, BriefReader::tr("\"charts\": \"%1\" is not a chart; choose from %2").arg(id, known.join(u", "_s)));
        }
        if (view.charts.count(id) > 1)
            return f.fail(place, BriefReader::tr("\"charts\": \"%1\" is listed twice").arg(id));
    }
    return true;
}

// --- Annotations ---------------------------------------------------------------------------------

bool readKind(JsonFields &f, const QJsonObject &o, Annotation &a, const QString &place)
{
    QString kind;
    if (!f.requiredString(o, u"kind", kind, place))
        return false;
    const auto parsed = Annotation::kindFromKey(kind);
    if (!parsed)
        return f.fail(place, BriefReader::tr("\"kind\" must be callout, arrow, pin, area or region (it is \"%1\")").arg(kind));
    a.kind = *parsed;
    return true;
}

bool readArea(JsonFields &f, const QJsonObject &o, Annotation &a, const QString &place)
{
    const QJsonArray points = o.value(u"points").toArray();
    if (!o.value(u"points").isArray() || points.size() < 3 || points.size() > BriefReader::kMaxAreaPoints) {
        return f.fail(place, BriefReader::tr("\"points\" must be an array of 3 to %1 [longitude, latitude] pairs")
                                 .arg(num(BriefReader::kMaxAreaPoints)));
    }
    for (qsizetype i = 0; i < points.size(); ++i) {
        QPointF p;
        if (!f.lonLat(points.at(i), QStringLiteral("points[%1]").arg(i), p, place))
            return false;
        a.points << p;
    }
    return true;
}

/// What places the annotation on the map; which members that takes depends on its kind.
bool readPlacement(JsonFields &f, const QJsonObject &o, Annotation &a, const QString &place)
{
    switch (a.kind) {
    case Annotation::Kind::Callout:
        if (a.text.trimmed().isEmpty())
            return f.fail(place, BriefReader::tr("a callout needs a \"text\""));
        [[fallthrough]];
    case Annotation::Kind::Pin: return f.lonLat(o.value(u"anchor"), u"anchor", a.anchor, place);
    case Annotation::Kind::Arrow:
        return f.lonLat(o.value(u"tail"), u"tail", a.tail, place)
               && f.lonLat(o.value(u"anchor"), u"anchor", a.anchor, place);
    case Annotation::Kind::Area: return readArea(f, o, a, place);
    case Annotation::Kind::Region: return f.requiredString(o, u"region", a.region, place);
    }
    return true;
}

bool readTextOffset(JsonFields &f, const QJsonObject &o, Annotation &a, const QString &place)
{
    const QJsonValue offset = o.value(u"textOffset");
    if (!JsonFields::isGiven(offset))
        return true;
    const QJsonArray pair = offset.toArray();
    if (!offset.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble()
        || !(std::abs(pair.at(0).toDouble()) <= kFarOffset) || !(std::abs(pair.at(1).toDouble()) <= kFarOffset))
        return f.fail(place, BriefReader::tr("\"textOffset\" must be [x, y] in pixels, each from -2000 to 2000"));
    a.textOffset = QPointF(pair.at(0).toDouble(), pair.at(1).toDouble());
    return true;
}

bool readColour(JsonFields &f, const QJsonObject &o, Annotation &a, const QString &place)
{
    QString colour;
    if (!f.optionalString(o, u"colour", colour, place))
        return false;
    if (colour.isEmpty())
        return true;
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!hex.match(colour).hasMatch())
        return f.fail(place, BriefReader::tr("\"colour\" must be \"#rrggbb\" (it is \"%1\")").arg(colour));
    a.colour = colour.toLower();
    return true;
}

} // namespace

bool BriefSections::readView(JsonFields &f, const QJsonValue &value, qsizetype index, SavedView &view)
{
    if (!readName(f, value, "views", index, u"name", BriefReader::tr("{\"name\", \"caption\", \"projection\", \"centre\", …}"),
                  view.name))
        return false;
    const QJsonObject o = value.toObject();
    const QString place = itemPlace("views", index, view.name);
    f.ignoreUnknown(o,
                    {u"name", u"caption", u"projection", u"centre", u"metresPerPixel", u"year", u"hiddenLayers",
                     u"layerOpacity", u"selectedRegion", u"selectedFeature", u"focusedClaim", u"hiddenAnnotations",
                     u"charts", u"legend"},
                    place);
    ViewState &state = view.state;
    return f.optionalString(o, u"caption", view.caption, place) && readProjection(f, o, state, place)
           && f.lonLat(o.value(u"centre"), u"centre", state.centre, place) && readScale(f, o, state, place)
           && readLayerOpacity(f, o, state, place) && readLegend(f, o, state, place)
           && readCharts(f, o, view, place) && f.wholeNumber(o, u"year", state.year, kYears.first, kYears.last, place)
           && f.stringList(o, u"hiddenLayers", state.hiddenLayers, place)
           && f.stringList(o, u"hiddenAnnotations", state.hiddenAnnotations, place)
           && f.optionalString(o, u"selectedRegion", state.selectedRegion, place)
           && f.optionalString(o, u"selectedFeature", state.selectedFeature, place)
           && f.optionalString(o, u"focusedClaim", view.focusedClaim, place);
}

bool BriefSections::readAnnotation(JsonFields &f, const QJsonValue &value, qsizetype index, Annotation &a)
{
    if (!readName(f, value, "annotations", index, u"id", BriefReader::tr("{\"id\", \"kind\", \"text\", \"anchor\", …}"), a.id))
        return false;
    const QJsonObject o = value.toObject();
    const QString place = itemPlace("annotations", index, a.id);
    f.ignoreUnknown(o,
                    {u"id", u"kind", u"text", u"anchor", u"tail", u"points", u"region", u"textOffset", u"colour",
                     u"textSize"},
                    place);
    return readKind(f, o, a, place) && f.optionalString(o, u"text", a.text, place)
           && readPlacement(f, o, a, place) && readTextOffset(f, o, a, place) && readColour(f, o, a, place)
           && f.number(o, u"textSize", a.textSize, 6.0, 72.0, place);
}

// --- Users' layers --------------------------------------------------------------------------------

bool readStyle(JsonFields &f, const QJsonValue &value, AttributeStyle &style, const QString &place)
{
    if (!JsonFields::isGiven(value))
        return true;
    if (!value.isObject())
        return f.fail(place, BriefReader::tr("\"style\" must be an object {\"field\", \"method\", \"classes\"}"));
    const QJsonObject o = value.toObject();
    const QString stylePlace = place + QStringLiteral(".style");
    f.ignoreUnknown(o, {u"field", u"method", u"classes"}, stylePlace);
    if (!f.requiredString(o, u"field", style.field, stylePlace))
        return false;
    const QJsonValue method = o.value(u"method");
    if (JsonFields::isGiven(method)) {
        const auto parsed = AttributeStyle::methodFromKey(method.toString());
        if (!method.isString() || !parsed)
            return f.fail(stylePlace, BriefReader::tr("\"method\" must be one of categories, quantiles, equal-intervals"));
        style.method = *parsed;
    }
    if (!JsonFields::isGiven(o.value(u"classes")))
        return true;
    return f.wholeNumber(o, u"classes", style.classes, AttributeStyle::kMinClasses, AttributeStyle::kMaxClasses, stylePlace);
}

bool BriefSections::readUserLayer(JsonFields &f, const QJsonValue &value, qsizetype index, UserLayerSource &layer)
{
    if (!readName(f, value, "userLayers", index, u"path", BriefReader::tr("{\"path\", \"layer\", \"style\"}"), layer.path))
        return false;
    const QJsonObject o = value.toObject();
    const QString place = itemPlace("userLayers", index, layer.path);
    f.ignoreUnknown(o, {u"path", u"layer", u"style"}, place);
    return f.optionalString(o, u"layer", layer.layerName, place) && readStyle(f, o.value(u"style"), layer.style, place);
}

} // namespace spheres
