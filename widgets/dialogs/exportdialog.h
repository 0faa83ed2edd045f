#pragma once

#include "exportoptions.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace spheres {

class ExportPreview;
class MapRenderer;
class Scene;
struct ViewState;

/// Ctrl+E: what to export and how — format, size preset or custom size, DPI, title (the brief's
/// by default), subtitle, legend, scale bar, credits — for the current view or for every view of
/// the brief (with the views' charts, in a PDF briefing pack), beside a live preview of the page.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { CurrentView, AllViews };
    explicit ExportDialog(const QString &title, int viewCount, QWidget *parent = nullptr);

    /// The current view, for the preview: the map as the export draws it.
    void setPreviewMap(const MapRenderer &renderer, const Scene *scene, const ViewState &view);
    ExportPreview *preview() const { return m_preview; }

    ExportOptions options() const;
    Scope scope() const { return m_scope; }
    /// Whether a PDF briefing pack gets a page of charts after each view that has charts.
    bool includesCharts() const;

private:
    void createFields(const QString &title);
    QDialogButtonBox *createButtons(int viewCount);
    void connectFields(int viewCount);
    void applyPreset();
    void updatePreview();

    QComboBox *m_format = nullptr;
    QComboBox *m_preset = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_dpi = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_subtitle = nullptr;
    QCheckBox *m_legend = nullptr;
    QCheckBox *m_scaleBar = nullptr;
    QCheckBox *m_credits = nullptr;
    QCheckBox *m_charts = nullptr;
    ExportPreview *m_preview = nullptr;
    Scope m_scope = Scope::CurrentView;
};

} // namespace spheres
