#pragma once

#include <QTextBrowser>

namespace spheres {

/// A QTextBrowser that loads no resource (see SafeTextDocument) and follows no link itself:
/// its owner decides what a click means.
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace spheres
