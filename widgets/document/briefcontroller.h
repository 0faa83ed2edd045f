#pragma once

#include "panels/searchbox.h"

#include <QObject>

#include <memory>

namespace spheres {

class Atlas;
class BriefDocument;
struct Claim;
class ContextPanel;
class MapCanvas;
class NarrativePanel;

/// Keeps the map, the context panel, the narrative and the search box in step with the open
/// brief, both ways: select a region or feature and its claims are listed and its sentences
/// marked; focus a claim and its regions and features light up while the camera frames them.
class BriefController : public QObject
{
    Q_OBJECT
public:
    BriefController(BriefDocument *document, MapCanvas *canvas, ContextPanel *context, NarrativePanel *narrative,
                    SearchBox *search, QObject *parent = nullptr);

    void setAtlas(std::shared_ptr<const Atlas> atlas);
    /// The claim in focus (kept by the map session, so a captured view keeps it).
    QString focusedClaim() const;
    /// While on, clicking the map adds or removes links of the focused claim.
    void setLinkMode(bool on) { m_linkMode = on; }
    bool linkMode() const { return m_linkMode; }
    /// Claims about a region, directly or through one of its groups.
    QList<const Claim *> claimsAboutRegion(const QString &code) const;

public slots:
    /// Lights up the claim's regions and features; `frame` eases the camera to them.
    void focusClaim(const QString &id, bool frame = true);
    void editClaim(const QString &id, QWidget *dialogParent);
    /// Lights up a claim's regions and features while the pointer is over it (empty: back to
    /// the focused claim, or to nothing). The camera does not move.
    void previewClaim(const QString &id);
    /// Moves the focus to the next (+1) or previous (−1) claim of the narrative, wrapping around.
    void stepClaim(int delta);
    void rebuildSearch();

private:
    void onRegionSelected(const QString &code);
    void onFeatureSelected(const QString &ref);
    void onSelectionCleared();
    void onSearchFound(SearchBox::Kind kind, const QString &target);
    void onBriefReset();
    QStringList regionsOf(const QString &claimId) const;

    BriefDocument *m_document;
    MapCanvas *m_canvas;
    ContextPanel *m_context;
    NarrativePanel *m_narrative;
    SearchBox *m_search;
    std::shared_ptr<const Atlas> m_atlas;
    bool m_linkMode = false;
};

} // namespace spheres
