#pragma once

#include "layer.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class QTabWidget;

namespace spheres {

class Atlas;
struct Brief;
class ClaimIndex;
class ChartWidget;
class ClaimBalanceChart;
class EnergyChart;
class MembershipChart;

/// The charts beside the map, in tabs: pipeline capacity, membership by year (of the
/// membership layer shown on top: the SCO, a Russia-led bloc, their comparison) and the
/// balance of the narrative's claims. They follow the map's year and selection, and a click on
/// a chart selects on the map (featureClicked, yearClicked).
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    /// The energy chart draws the first lines layer (preferably "pipelines"), the membership
    /// chart the top visible membership layer. `layers` bottom to top, as the map draws them.
    void setLayers(QList<std::shared_ptr<const Layer>> layers);
    /// The layers the map hides: the membership chart follows the top one still shown (the top
    /// membership layer when all are hidden).
    void setHiddenLayers(const QStringList &ids);
    /// The layer the membership chart shows, or null.
    std::shared_ptr<const Layer> membershipLayer() const;
    /// The brief whose claims are counted (not owned; may be null). Call refresh() after it changed.
    void setBrief(const Brief *brief, const ClaimIndex *claimIndex = nullptr);
    /// Needed to find the pipelines that concern a region (by geometry) and the region's groups.
    void setAtlas(std::shared_ptr<const Atlas> atlas);

    int year() const { return m_year; }
    QString shownRegion() const { return m_region; }
    QString shownFeature() const { return m_feature; }

    /// The chart a saved view names by `id` (SavedView::kChartIds), or nullptr.
    ChartWidget *chart(const QString &id) const;
    /// What the chart of `id` shows, for menus: "Pipeline capacity".
    static QString chartTitle(QStringView id);
    EnergyChart *energyChart() const { return m_energy; }
    MembershipChart *membershipChart() const { return m_membership; }
    ClaimBalanceChart *claimBalanceChart() const { return m_claims; }
    QTabWidget *tabs() const { return m_tabs; }
    /// Brings the tab of `chart` to the front.
    void showChart(ChartWidget *chart);
    /// In the window the charts follow lazily: Qt Charts lays a chart out again on every change,
    /// which made a click on the map wait for charts. So a change is applied on the next turn
    /// of the event loop (after the map and the context panel are painted), several changes
    /// once, and while the panel is hidden (its dock tab behind another) only when it is shown.
    /// Printing draws a panel that is never shown and reads it at once: off by default.
    void setLazy(bool lazy) { m_lazy = lazy; }

public slots:
    void setYear(int year);
    /// Emphasises the pipelines that concern the region and counts the claims about it.
    void showRegion(const QString &code);
    /// Emphasises the feature ("pipelines/espo") and counts the claims linked to it.
    void showFeature(const QString &ref);
    /// Nothing selected: every pipeline at full strength, every claim of the brief counted.
    void clearSelection();
    /// Recomputes the selection's emphasis and counts (after the brief or the layers changed).
    void refresh();

signals:
    void featureClicked(const QString &ref);
    void yearClicked(int year);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QStringList featuresConcerning(const QString &code) const;

    void followMembershipLayer();
    void refreshNow();

    QList<std::shared_ptr<const Layer>> m_layers;
    QStringList m_hiddenLayers;
    std::shared_ptr<const Atlas> m_atlas;
    const Brief *m_brief = nullptr;
    const ClaimIndex *m_claimIndex = nullptr; ///< the brief owner's, kept up to date by it (may be null)
    int m_year = 2026;
    bool m_lazy = false;
    bool m_stale = false; ///< a lazy refresh is waiting (for the next turn, or to be shown)
    QString m_region;
    QString m_feature;
    static QWidget *scrollable(ChartWidget *chart);
    QWidget *pageOf(ChartWidget *chart) const;
    QTabWidget *m_tabs = nullptr;
    EnergyChart *m_energy = nullptr;
    MembershipChart *m_membership = nullptr;
    ClaimBalanceChart *m_claims = nullptr;
};

} // namespace spheres
