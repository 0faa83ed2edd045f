#pragma once

#include <QFrame>
#include <QList>
#include <QRectF>
#include <QString>

#include <utility>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace spheres {

/// The card a presenter's click opens: the clicked country's name, then its claims in large
/// type. It grows with its text up to the room the screen leaves, scrolls beyond that, and
/// stands on the side of the screen away from the country, so the country stays in view.
class ClaimsCard : public QFrame
{
    Q_OBJECT
public:
    explicit ClaimsCard(QWidget *parent);

    /// `claims`: (stance label, sentence) pairs. `scale`: type size relative to a 1080-pixel screen.
    void setContent(const QString &heading, const QList<std::pair<QString, QString>> &claims, double scale);
    /// Sizes the card to its text and puts it on the side of the parent away from `avoid` (the
    /// country, in the parent's pixels), below `above` when on the left (the slide's title).
    void place(const QRectF &avoid, const QRectF &above);
    QString heading() const;
    /// True when the claims are taller than the card and scroll.
    bool scrolls() const;

private:
    double m_scale = 1.0;
    QLabel *m_heading = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_list = nullptr;
};

} // namespace spheres
