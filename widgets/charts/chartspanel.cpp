#include "chartspanel.h"

#include "atlas.h"
#include "brief.h"
#include "claimbalancechart.h"
#include "claimfinder.h"
#include "energychart.h"
#include "featurekey.h"
#include "regionfacts.h"
#include "membershipchart.h"
#include "membershiptimelinemodel.h"

#include <QTabWidget>
#include <QTimer>
#include <QScrollArea>
#include <QVBoxLayout>

namespace spheres {

namespace {

/// The first layer of `kind`, preferring the one with id `preferred`.
std::shared_ptr<const Layer> pick(const QList<std::shared_ptr<const Layer>> &layers, LayerKind kind, const QString &preferred)
{
    std::shared_ptr<const Layer> first;
    for (const auto &layer : layers) {
        if (!layer || layer->kind != kind)
            continue;
        if (layer->id == preferred)
            return layer;
        if (!first)
            first = layer;
    }
    return first;
}

} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_energy = new EnergyChart;
    m_membership = new MembershipChart;
    m_claims = new ClaimBalanceChart;
    m_tabs->addTab(scrollable(m_energy), tr("Energy"));
    m_tabs->addTab(scrollable(m_membership), tr("Membership"));
    m_tabs->addTab(scrollable(m_claims), tr("Claims"));
    for (QStringView id : SavedView::kChartIds)
        m_tabs->setTabToolTip(m_tabs->indexOf(pageOf(chart(id.toString()))), chartTitle(id));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_energy, &EnergyChart::featureClicked, this, &ChartsPanel::featureClicked);
    connect(m_membership, &MembershipChart::yearClicked, this, &ChartsPanel::yearClicked);
    m_energy->setYear(m_year);
    m_membership->setYear(m_year);
    refresh();
}

QWidget *ChartsPanel::scrollable(ChartWidget *chart)
{
    // A chart keeps the height its labels need (its minimum size) and scrolls in a short dock.
    auto *area = new QScrollArea;
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setWidget(chart);
    return area;
}

QWidget *ChartsPanel::pageOf(ChartWidget *chart) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *area = qobject_cast<QScrollArea *>(m_tabs->widget(i)); area && area->widget() == chart)
            return area;
    return nullptr;
}

void ChartsPanel::showChart(ChartWidget *chart)
{
    if (QWidget *page = pageOf(chart))
        m_tabs->setCurrentWidget(page);
}

void ChartsPanel::setLayers(QList<std::shared_ptr<const Layer>> layers)
{
    m_layers = std::move(layers);
    m_energy->setLayer(pick(m_layers, LayerKind::Lines, QStringLiteral("pipelines")));
    followMembershipLayer();
    refresh();
}

void ChartsPanel::setHiddenLayers(const QStringList &ids)
{
    m_hiddenLayers = ids;
    followMembershipLayer();
}

void ChartsPanel::followMembershipLayer()
{
    std::shared_ptr<const Layer> top, topShown;
    for (auto it = m_layers.crbegin(); it != m_layers.crend(); ++it)
        if (*it && (*it)->kind == LayerKind::Membership) {
            if (!top)
                top = *it;
            if (!topShown && !m_hiddenLayers.contains((*it)->id))
                topShown = *it;
        }
    const auto chosen = topShown ? topShown : top;
    if (chosen != m_membership->model()->layer())
        m_membership->setLayer(chosen);
    if (QWidget *page = pageOf(m_membership)) {
        const int tab = m_tabs->indexOf(page);
        const bool acronym = chosen && chosen->shortName().size() <= MembershipChart::kShortNameLength;
        m_tabs->setTabText(tab, acronym ? chosen->shortName() : tr("Membership"));
        m_tabs->setTabToolTip(tab, chosen ? tr("%1 by year").arg(chosen->title) : chartTitle(u"sco"));
    }
}

std::shared_ptr<const Layer> ChartsPanel::membershipLayer() const { return m_membership->model()->layer(); }

void ChartsPanel::setBrief(const Brief *brief, const ClaimIndex *claimIndex)
{
    m_brief = brief;
    m_claimIndex = claimIndex;
    refresh();
}

void ChartsPanel::setAtlas(std::shared_ptr<const Atlas> atlas)
{
    m_atlas = std::move(atlas);
    refresh();
}

void ChartsPanel::setYear(int year)
{
    m_year = year;
    m_energy->setYear(year);
    m_membership->setYear(year);
}

void ChartsPanel::showRegion(const QString &code)
{
    m_region = code;
    m_feature.clear();
    refresh();
}

void ChartsPanel::showFeature(const QString &ref)
{
    m_feature = ref;
    m_region.clear();
    refresh();
}

void ChartsPanel::clearSelection()
{
    m_region.clear();
    m_feature.clear();
    refresh();
}

QString ChartsPanel::chartTitle(QStringView id)
{
    if (id == u"energy")
        return tr("Pipeline capacity");
    if (id == u"sco")
        return tr("Membership by year");
    if (id == u"claims")
        return tr("Claims by stance");
    return id.toString();
}

ChartWidget *ChartsPanel::chart(const QString &id) const
{
    if (id == u"energy")
        return m_energy;
    if (id == u"sco")
        return m_membership;
    if (id == u"claims")
        return m_claims;
    return nullptr;
}

QStringList ChartsPanel::featuresConcerning(const QString &code) const
{
    QStringList keys;
    if (const Region *region = m_atlas ? m_atlas->region(code) : nullptr) {
        // By geometry, as the map and the context panel find them.
        for (const FeatureRef &ref : RegionFacts::concerning(m_layers, *region))
            if (ref.layer->kind == LayerKind::Lines)
                keys << ref.key();
        return keys;
    }
    // No base map yet: the features' own country lists.
    for (const auto &layer : m_layers)
        if (layer->kind == LayerKind::Lines)
            for (const Feature &f : layer->features)
                if (f.properties.value(QStringLiteral("countries")).toStringList().contains(code))
                    keys << FeatureKey{layer->id, f.id}.toString();
    return keys;
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refreshNow();
}

void ChartsPanel::refresh()
{
    if (!m_lazy) {
        refreshNow();
        return;
    }
    const bool queued = m_stale;
    m_stale = true;
    if (!queued && isVisible())
        QTimer::singleShot(0, this, [this] {
            if (m_stale && isVisible())
                refreshNow();
        });
}

void ChartsPanel::refreshNow()
{
    m_stale = false;
    QList<const Claim *> claims;
    QString subject;
    if (!m_region.isEmpty()) {
        const Region *region = m_atlas ? m_atlas->region(m_region) : nullptr;
        subject = region ? region->name : m_region;
        m_energy->setEmphasis(featuresConcerning(m_region), subject);
        if (m_brief)
            claims = ClaimFinder(*m_brief, m_atlas.get(), m_claimIndex).aboutRegion(m_region);
    } else if (!m_feature.isEmpty()) {
        const FeatureRef ref = RegionFacts::find(m_layers, m_feature);
        subject = ref.feature ? ref.feature->name : m_feature;
        m_energy->setEmphasis({m_feature}, subject);
        if (m_brief)
            claims = ClaimFinder(*m_brief, m_atlas.get(), m_claimIndex).aboutFeature(m_feature);
    } else {
        m_energy->clearEmphasis();
        if (m_brief)
            for (const Claim &c : m_brief->claims)
                claims << &c;
    }
    m_claims->setClaims(claims, subject);
}

} // namespace spheres
