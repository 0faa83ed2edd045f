#pragma once

#include "atlas.h"
#include "brief.h"
#include "layer.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace spheres {

/// Reads a brief from its JSON file (".spheres.json"):
///
///     {"schemaVersion": 1, "title", "author", "date": "YYYY-MM-DD",
///      "narrative": {"source", "paragraphs": [...]},
///      "claims": [{"id", "paragraph", "sentence", "text", "stance", "regions", "groups", "features",
///                  "topics", "note", "noteSources": [{"title", "publisher", "url", "date"}],
///                  "confidence", "cues"}],
///      "layers": [{"id", "visible", "opacity"}],
///      "userLayers": [{"path" (relative to the brief), "layer", "style": {"field", "method":
///                      "categories"|"quantiles"|"equal-intervals", "classes"}}],
///      "views": [{"name", "caption", "projection", "centre": [lon, lat], "metresPerPixel", "year",
///                 "hiddenLayers", "layerOpacity", "selectedRegion", "selectedFeature", "focusedClaim",
///                 "hiddenAnnotations", "charts": ["energy"|"sco"|"claims", …]}],
///      "annotations": [{"id", "kind": "callout"|"arrow"|"pin"|"area"|"region", "text",
///                       "anchor": [lon, lat], "tail": [lon, lat], "points": [[lon, lat], …], "region",
///                       "textOffset": [x, y], "colour": "#rrggbb", "textSize"}]}
///
/// Optional members may be missing. Everything present is validated strictly; an error names the
/// file and the place ("brief.json: claims[3] (c4): …") and no brief is returned. Region codes,
/// group ids and feature ids are not checked here (the reader knows no atlas): see
/// unknownReferences().
class BriefReader
{
    Q_DECLARE_TR_FUNCTIONS(BriefReader)

public:
    struct Result
    {
        Brief brief;
        QString error;        ///< "<file>: <place>: …"; empty on success
        QStringList warnings; ///< members that were ignored, claims whose text is not in their paragraph, …
        bool ok() const { return error.isEmpty(); }
    };

    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
    static constexpr qsizetype kMaxClaims = 10'000;
    static constexpr qsizetype kMaxStringLength = 100'000;
    static constexpr qsizetype kMaxAnnotations = 10'000;
    static constexpr qsizetype kMaxAreaPoints = 10'000;
    static constexpr qsizetype kMaxUserLayers = 100; ///< each is a file to open: a hostile brief must not name thousands

    /// `sourceName` is used in messages only.
    static Result read(const QByteArray &json, const QString &sourceName);
    static Result readFile(const QString &path);
    /// The sample brief compiled into the program, ":/briefs/china-russia.spheres.json".
    static Result readBuiltIn();

    /// Links of `brief` that name no region or group of `atlas` and no layer or feature of `layers`:
    /// "claims[2] (c3): unknown region \"XYZ\"". Feature links are "layerId/featureId" or a bare
    /// layer id. Empty when every reference resolves.
    static QStringList unknownReferences(const Brief &brief, const Atlas &atlas,
                                         const QList<std::shared_ptr<const Layer>> &layers);
};

/// Writes a brief as JSON that BriefReader reads back equal: indented, members in a fixed order,
/// empty optional members left out, so that two versions of a brief diff line by line
/// (OrderedJson; tests/data/briefs holds the expected output).
class BriefWriter
{
    Q_DECLARE_TR_FUNCTIONS(BriefWriter)

public:
    static QByteArray toJson(const Brief &brief);
    /// Writes atomically (AtomicFile): either the whole new file is there or the old one is untouched.
    /// Returns an error message naming `path`, empty on success. A brief that would not read back
    /// (say an opacity of 2) is not written. `written` (if given) gets the bytes on the disk.
    static QString save(const Brief &brief, const QString &path, QByteArray *written = nullptr);
};

} // namespace spheres
