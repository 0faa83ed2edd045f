#include "appearance.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>

namespace spheres {

namespace {

const QString kKey = QStringLiteral("window/appearance");

/// The palette the desktop gave before any choice: what "System" goes back to.
const QPalette &systemPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}

QString keyOf(Appearance::Mode mode)
{
    switch (mode) {
    case Appearance::Mode::Light:
        return QStringLiteral("light");
    case Appearance::Mode::Dark:
        return QStringLiteral("dark");
    case Appearance::Mode::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace

QString Appearance::name(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return tr("&Light");
    case Mode::Dark:
        return tr("&Dark");
    case Mode::System:
        break;
    }
    return tr("As the &desktop");
}

void Appearance::apply(Mode mode)
{
    const QPalette system = systemPalette(); // read before the first change
    switch (mode) {
    case Mode::System:
        QApplication::setPalette(system);
        break;
    case Mode::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Mode::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
    QSettings().setValue(kKey, keyOf(mode));
}

Appearance::Mode Appearance::saved()
{
    const QString key = QSettings().value(kKey).toString();
    for (Mode mode : {Mode::Light, Mode::Dark})
        if (key == keyOf(mode))
            return mode;
    return Mode::System;
}

QMenu *Appearance::menu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Appearance"), parent);
    auto *group = new QActionGroup(menu);
    const Mode current = saved();
    for (Mode mode : {Mode::System, Mode::Light, Mode::Dark}) {
        QAction *action = menu->addAction(name(mode));
        action->setCheckable(true);
        action->setChecked(mode == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [mode] { apply(mode); });
    }
    return menu;
}

QPalette Appearance::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30), base(0x1f, 0x21, 0x23), text(0xe8, 0xea, 0xed), muted(0x9a, 0xa0, 0xa6);
    const QColor accent(0x2f, 0x6f, 0xd0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window.lighter(115));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(160));
    p.setColor(QPalette::Midlight, window.lighter(130));
    p.setColor(QPalette::Mid, window.lighter(110));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, muted.darker(130));
    return p;
}

} // namespace spheres
