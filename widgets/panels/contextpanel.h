#pragma once

#include "claim.h"
#include "layer.h"
#include "regionfacts.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

class QLabel;
class QScrollArea;

namespace spheres {

class Atlas;
struct Brief;
class ClaimIndex;
struct FeatureRef;
struct Region;

/// The side panel that tells about the selection: the region's name, code, groups and area.
/// Later it lists the layers' facts and the narrative's claims about it.
class ContextPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContextPanel(QWidget *parent = nullptr);

    void setAtlas(std::shared_ptr<const Atlas> atlas);
    void setLayers(QList<std::shared_ptr<const Layer>> layers);
    /// The brief whose claims the panel lists (not owned; may be null).
    void setBrief(const Brief *brief, const ClaimIndex *claimIndex = nullptr);
    QString shownClaim() const { return m_claim; }
    QString shownRegion() const { return m_code; }
    QString shownFeature() const { return m_feature; }
    /// The panel's text as plain text (what a screen reader reads; used by tests).
    QString text() const;
    /// What is shown and what it means, in a sentence or two for a screen reader: "Selected:
    /// Kazakhstan (KAZ). Shanghai Cooperation Organisation: member in 2026. 3 claims: 2
    /// cooperation, 1 rivalry." Empty when nothing is shown. Also the panel's accessible description.
    QString summary() const { return m_summary; }

public slots:
    void showRegion(const QString &code);
    void showFeature(const QString &ref);
    void showClaim(const QString &id);
    void setYear(int year);
    void refresh();
    /// Forgets the subject (Esc, another brief) and shows the "nothing selected" help.
    void clear();

signals:
    void claimActivated(const QString &id);
    /// The pointer is over a claim (its id), or has left it (empty).
    void claimHovered(const QString &id);
    void regionActivated(const QString &code);
    void featureActivated(const QString &ref);
    void editClaimRequested(const QString &id);
    /// The summary changed (the map canvas speaks it as its own description).
    void summaryChanged(const QString &summary);

private:
    void showNothing();
    /// A new subject opens at its top; the same one, refreshed, keeps where the reader was.
    void scrollToTopIfNew(const QString &subject);
    void setSummary(const QString &summary);
    void onLink(const QString &link);
    /// `regionCode`: the region the claims are listed for; claims that reach it only through a
    /// group it belongs to are listed after the direct ones, marked "via <group>".
    QString regionName(const QString &code) const;
    QString featureName(const QString &ref) const;
    /// What a region's page shows that the year and the brief do not change, worked out on its
    /// first click: its lines are tested by geometry and its area measured on the ellipsoid
    /// (about a fifth of a click on Russia). Forgotten with the atlas or the layers.
    struct Measured
    {
        QList<FeatureRef> concerning; ///< RegionFacts::concerning
        double areaKm2 = 0;
    };
    const Measured &measuredOf(const Region &region);
    QString describeRegion(const Region &region, const Measured &measured, const QList<const Claim *> &claims) const;
    QString describeFeature(const Layer &layer, const Feature &feature) const;
    QString layerFacts(const Region &region, const QList<FeatureRef> &concerning) const;
    /// What one layer says about the region in the year, as (subject, what): ("Shanghai
    /// Cooperation Organisation", "member in 2026"); an empty subject when it says nothing.
    std::pair<QString, QString> layerFact(const FeatureRef &ref, const Region &region) const;
    QList<const Claim *> claimsAboutRegion(const QString &code) const;
    QList<const Claim *> claimsAboutFeature(const Layer &layer, const Feature &feature) const;

    std::shared_ptr<const Atlas> m_atlas;
    QList<std::shared_ptr<const Layer>> m_layers;
    QHash<QString, Measured> m_measured; ///< by region code
    int m_year = 2026;
    QString m_code;
    QString m_feature;
    QString m_claim;
    QString m_summary;
    QString m_shownSubject;
    QSet<Stance> m_allClaimsShown; ///< stances whose long list the reader opened, for this subject
    const Brief *m_brief = nullptr;
    const ClaimIndex *m_claimIndex = nullptr; ///< the brief owner's, kept up to date by it (may be null)
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_body = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace spheres
