// The layers' tests: one program, tst_layers, whose slots are defined by topic across
// tst_layers*.cpp so that no file grows past 500 lines.
#pragma once

#include "atlas.h"
#include "geojsonreader.h"
#include "membershipcomparison.h"
#include "sovereignty.h"
#include "../support/atlases.h"

#include <boost/geometry.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace spheres;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(spheres::LayerKind)

namespace {

using spheres::test::coarseAtlas;
using spheres::test::fineAtlas;

inline const Layer &builtIn(const QString &id)
{
    static QHash<QString, Layer> layers;
    if (!layers.contains(id))
        layers.insert(id, GeoJsonReader::readBuiltIn(id).layer);
    return layers[id];
}

inline QString describe(const Point &p) { return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y()); }

} // namespace

// --- The SCO compared with the Russia-led blocs ---------------------------------------------

namespace {

inline const Layer &comparison()
{
    static const Layer layer = MembershipComparison::readBuiltIn(u"sco-russia-blocs"_s).layer;
    return layer;
}

} // namespace

// --- Malformed and user input -----------------------------------------------------------------

namespace {

/// A FeatureCollection with one feature whose geometry and properties are given as JSON text.
inline QByteArray collection(const char *geometry, const char *properties = "{}")
{
    return QByteArray(R"({"type":"FeatureCollection","features":[)"
                      R"({"type":"Feature","id":"ok","geometry":null,"properties":{}},)"
                      R"({"type":"Feature","id":"bad","geometry":)")
        + geometry + R"(,"properties":)" + properties + "}]}";
}

inline QByteArray withPeriods(const char *periods)
{
    return collection("null", (QByteArray(R"({"periods":)") + periods + "}").constData());
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT
private slots:
    void shippedLayerLoads_data();
    void shippedLayerLoads();
    void builtInIdsAreDrawingOrder();
    void unknownBuiltInIsNamed();

    void scoCodesExistInBaseMap();
    void scoMemberCounts_data();
    void scoMemberCounts();
    void scoStatusOverTime_data();
    void scoStatusOverTime();
    void blocStatusOverTime_data();
    void blocStatusOverTime();
    void blocLegendsNameEveryStatus_data();
    void blocLegendsNameEveryStatus();
    void optionalLayersAreOffTheDefaultMap();
    void comparisonOfBlocs_data();
    void comparisonOfBlocs();
    void comparisonIsSourcedAndDated();
    void comparisonFollowsItsSources();
    void malformedComparisonIsNamed_data();
    void malformedComparisonIsNamed();

    void pipelineEndsLieInTheirCountries_data();
    void pipelineEndsLieInTheirCountries();
    void pipelineStatusOverTime_data();
    void pipelineStatusOverTime();

    void contestedZonesHaveClaimants_data();
    void contestedZonesHaveClaimants();
    void contestedRequiredZonesExist_data();
    void contestedRequiredZonesExist();
    void russiasZones_data();
    void russiasZones();
    void baseMapIsDeJure_data();
    void baseMapIsDeJure();
    void sovereigntyTransfersNameTheirZones();
    void everyPeriodAndFeatureIsSourced_data();
    void everyPeriodAndFeatureIsSourced();

    void malformedInputIsRejected_data();
    void malformedInputIsRejected();
    void oversizedInputIsRefused();
    void tooManyCoordinatesAreRefused();
    void missingFileIsNamed();
    void userFileLoadsAsGeneric();
    void singleFeatureLoads();
    void lineAcrossAntimeridianIsSplit();
    void polygonAcrossAntimeridianIsCut();
    void pointsAreRead_data();
    void pointsAreRead();
    void zeroAreaPolygonIsLeftOut();
    void duplicateIdsAreMadeUnique();
    void periodsDecideStatus();
};
