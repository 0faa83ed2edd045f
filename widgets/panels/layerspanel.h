#pragma once

#include "layer.h"

#include <QWidget>

#include <memory>

class QListWidget;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace spheres {

/// The layers dock: show or hide each layer, set its opacity, change the drawing order, see
/// each entry's legend swatch, and add a GeoJSON file as a layer.
class LayersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LayersPanel(QWidget *parent = nullptr);

    /// Layers bottom to top (the panel lists them top first, as they stack on the map).
    void setLayers(const QList<std::shared_ptr<const Layer>> &layers, const QStringList &hidden);
    QStringList orderBottomToTop() const;
    QStringList hiddenLayers() const;
    QString currentLayer() const;

signals:
    void visibilityChanged(const QString &id, bool visible);
    void opacityChanged(const QString &id, double opacity);
    void orderChanged(const QStringList &idsBottomToTop);
    void addLayerRequested();
    /// The layer's context menu asked to colour it by a field ("Style by field…").
    void styleRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createWidgets();
    void connectWidgets();
    /// A user's layer offers "Style by field…" (ours have their own colours).
    void showMenu(QPoint at);
    /// Legend swatches drawn as the map draws them: light lines on a dark palette.
    void repaintSwatches();
    void move(int delta);
    QTreeWidgetItem *currentLayerItem() const;
    /// The opacity slider shows (and names) the current layer's opacity.
    void showCurrentOpacity();
    QTreeWidgetItem *itemFor(const Layer &layer, bool visible) const;

    QTreeWidget *m_tree = nullptr;
    QSlider *m_opacity = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_down = nullptr;
    QHash<QString, int> m_opacityPercent;
    QHash<QString, std::shared_ptr<const Layer>> m_layers; ///< by id, for redrawing swatches
};

} // namespace spheres
