#pragma once

#include <QWidget>

class QTextBrowser;

namespace spheres {

struct Brief;

/// The whole narrative, with each claim's sentence marked by its stance (tint, symbol and
/// word). Clicking a sentence selects its claim; sentences about the selected region are
/// underlined, the focused claim is framed.
class NarrativePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NarrativePanel(QWidget *parent = nullptr);

    void setBrief(const Brief *brief);
    /// Claims to mark as concerning the current selection.
    void setMarkedClaims(const QStringList &ids);
    void setFocusedClaim(const QString &id);
    QString html() const;

signals:
    void claimActivated(const QString &id);
    void claimHovered(const QString &id); ///< empty when the pointer leaves a claim

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    const Brief *m_brief = nullptr;
    QStringList m_marked;
    QString m_focused;
    QTextBrowser *m_browser = nullptr;
};

} // namespace spheres
