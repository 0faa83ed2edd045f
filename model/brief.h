#pragma once

#include "annotation.h"
#include "attributestyle.h"
#include "claim.h"
#include "viewstate.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <array>

namespace spheres {

/// How a layer is shown in a brief.
struct LayerSetting
{
    QString id;
    bool visible = true;
    double opacity = 1.0;

    bool operator==(const LayerSetting &) const = default;
};

/// A user's vector file the brief draws over the built-in layers (File > Add layer), and how.
struct UserLayerSource
{
    /// As the brief file says it: relative to the brief's folder, '/' between folders (absolute
    /// only while the brief has no file yet). BriefUserLayers resolves and rebases it.
    QString path;
    QString layerName;    ///< the layer of a multi-layer file; empty: the file's only layer
    AttributeStyle style; ///< colour by a field; unset: plain

    bool operator==(const UserLayerSource &) const = default;
};

/// A saved view of the storyboard: a ViewState with a name and a caption, and the charts that
/// belong to it (the briefing pack draws them after the view's map).
struct SavedView
{
    /// The charts a view can name: pipeline capacity, SCO membership by year, claims by stance.
    static constexpr std::array<QStringView, 3> kChartIds{u"energy", u"sco", u"claims"};
    static bool isChartId(QStringView id) { return std::find(kChartIds.begin(), kChartIds.end(), id) != kChartIds.end(); }

    QString name;
    QString caption;
    ViewState state;          ///< projection, centre, scale, year, hidden layers, selection
    QString focusedClaim;     ///< claim id, or empty
    QStringList charts;       ///< ids from kChartIds, in the order they are drawn

    bool operator==(const SavedView &) const = default;
};

/// The document a user opens, edits and saves: the narrative, its claims, the layer settings
/// and the storyboard. Stored as JSON (see BriefReader / BriefWriter).
struct Brief
{
    static constexpr int kSchemaVersion = 1;

    QString title;
    QString author;
    QDate date;
    QString narrativeSource;  ///< where the narrative came from (file name or note)
    QStringList paragraphs;   ///< the narrative, one entry per paragraph
    QList<Claim> claims;
    QList<LayerSetting> layers;
    QList<UserLayerSource> userLayers; ///< users' files, drawn over the built-in layers in this order
    QList<SavedView> views;
    QList<Annotation> annotations; ///< drawn on every view that does not hide them

    const Claim *claim(const QString &id) const;
    const Annotation *annotation(const QString &id) const;

    bool operator==(const Brief &) const = default;
};

} // namespace spheres
