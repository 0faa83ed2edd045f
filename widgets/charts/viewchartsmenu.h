#pragma once

#include <QMenu>

namespace spheres {

class BriefDocument;

/// The charts that belong to a saved view, as checkable items (the Views panel's context
/// menu). Checking one adds it to the view, unchecking removes it, each as an undoable edit of
/// the brief; the briefing pack draws a view's charts on a page after its map.
class ViewChartsMenu : public QMenu
{
    Q_OBJECT
public:
    ViewChartsMenu(BriefDocument *document, int viewIndex, QWidget *parent = nullptr);

    /// The item of chart `chartId` (SavedView::kChartIds), or nullptr.
    QAction *chartAction(const QString &chartId) const;

private:
    void setChartShown(const QString &chartId, bool shown);

    BriefDocument *m_document;
    int m_view;
};

} // namespace spheres
