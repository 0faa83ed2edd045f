#pragma once

#include "exportoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace spheres {

/// Ctrl+E: what to export and how — format, size preset or custom size, DPI, title, subtitle,
/// legend, scale bar, credits — for the current view or for every view of the brief (with the
/// views' charts, in a PDF briefing pack).
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { CurrentView, AllViews };
    explicit ExportDialog(const QString &title, int viewCount, QWidget *parent = nullptr);

    ExportOptions options() const;
    Scope scope() const { return m_scope; }
    /// Whether a PDF briefing pack gets a page of charts after each view that has charts.
    bool includesCharts() const;

private:
    void applyPreset();

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
    Scope m_scope = Scope::CurrentView;
};

} // namespace spheres
