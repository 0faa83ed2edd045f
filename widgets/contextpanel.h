#pragma once

#include "claim.h"
#include "layer.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace spheres {

class Atlas;
struct Brief;
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
    void setBrief(const Brief *brief);
    QString shownClaim() const { return m_claim; }
    QString shownRegion() const { return m_code; }
    QString shownFeature() const { return m_feature; }
    /// The panel's text as plain text (what a screen reader reads; used by tests).
    QString text() const;

public slots:
    void showRegion(const QString &code);
    void showFeature(const QString &ref);
    void showClaim(const QString &id);
    void setYear(int year);
    void refresh();

signals:
    void claimActivated(const QString &id);
    /// The pointer is over a claim (its id), or has left it (empty).
    void claimHovered(const QString &id);
    void regionActivated(const QString &code);
    void featureActivated(const QString &ref);
    void editClaimRequested(const QString &id);

private:
    void showNothing();
    void onLink(const QString &link);
    QString claimsSection(const QList<const Claim *> &claims) const;
    QString regionName(const QString &code) const;
    QString featureName(const QString &ref) const;
    QString describeRegion(const QString &code) const;
    QString describeFeature(const Layer &layer, const Feature &feature) const;
    QString layerFacts(const Region &region) const;

    std::shared_ptr<const Atlas> m_atlas;
    QList<std::shared_ptr<const Layer>> m_layers;
    int m_year = 2026;
    QString m_code;
    QString m_feature;
    QString m_claim;
    const Brief *m_brief = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_body = nullptr;
};

} // namespace spheres
