#include "claimscard.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace spheres {

namespace {

QLabel *plainLabel(const QString &text, int pixelSize, bool bold, const QColor &colour)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText); // sentences come from the brief's file: text, never markup
    label->setWordWrap(true);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    font.setWeight(bold ? QFont::DemiBold : QFont::Normal);
    label->setFont(font);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, colour);
    label->setPalette(p);
    return label;
}

} // namespace

ClaimsCard::ClaimsCard(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("claimsCard"));
    // The card is paper on the map, in the light style of the slide's title panel.
    setStyleSheet(QStringLiteral("#claimsCard { background: rgba(255, 255, 255, 240); border-radius: 10px; }"
                                 "#claimsCard QScrollArea, #claimsCard QScrollArea > QWidget > QWidget { background: transparent; }"));
    m_heading = plainLabel(QString(), 34, true, QColor(0x1a, 0x1a, 0x1a));
    m_content = new QWidget;
    m_list = new QVBoxLayout(m_content);
    m_list->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus); // the presenter's keys keep going to the slides
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_scroll, 1);
    setAccessibleName(tr("Claims"));
    hide();
}

QString ClaimsCard::heading() const { return m_heading->text(); }

bool ClaimsCard::scrolls() const { return m_scroll->verticalScrollBar()->maximum() > 0; }

void ClaimsCard::setContent(const QString &heading, const QList<std::pair<QString, QString>> &claims, double scale)
{
    m_scale = scale;
    const int pad = int(22 * scale);
    layout()->setContentsMargins(pad, pad, pad, pad);
    layout()->setSpacing(int(12 * scale));
    m_list->setSpacing(int(18 * scale));
    m_heading->setText(heading);
    QFont headingFont = m_heading->font();
    headingFont.setPixelSize(std::max(1, int(34 * scale)));
    m_heading->setFont(headingFont);
    while (QLayoutItem *item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &[stance, text] : claims) {
        auto *entry = new QWidget;
        auto *rows = new QVBoxLayout(entry);
        rows->setContentsMargins(0, 0, 0, 0);
        rows->setSpacing(int(4 * scale));
        rows->addWidget(plainLabel(stance, std::max(1, int(24 * scale)), true, QColor(0x33, 0x33, 0x33)));
        rows->addWidget(plainLabel(QStringLiteral("“%1”").arg(text), std::max(1, int(24 * scale)), false, QColor(0x1a, 0x1a, 0x1a)));
        m_list->addWidget(entry);
    }
    m_list->addStretch();
    m_scroll->verticalScrollBar()->setValue(0);
}

void ClaimsCard::place(const QRectF &avoid, const QRectF &above)
{
    const QWidget *screen = parentWidget();
    const double margin = 36 * m_scale;
    const int width = int(std::min(screen->width() * 0.36, 760 * m_scale));
    // The country's side of the screen is kept clear: the card goes to the other half.
    const bool onRight = avoid.isEmpty() || avoid.center().x() < screen->width() / 2.0;
    const double top = onRight || above.isEmpty() ? margin : above.bottom() + margin / 2;
    const int room = std::max(int(120 * m_scale), int(screen->height() - top - margin));
    const QMargins pad = layout()->contentsMargins();
    const int inner = width - pad.left() - pad.right() - m_scroll->verticalScrollBar()->sizeHint().width();
    const int wanted = pad.top() + pad.bottom() + layout()->spacing() + m_heading->heightForWidth(inner)
                       + m_list->totalHeightForWidth(inner) + 2;
    const int height = std::min(wanted, room);
    setGeometry(int(onRight ? screen->width() - margin - width : margin), int(top), width, height);
}

} // namespace spheres
