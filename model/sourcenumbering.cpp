#include "sourcenumbering.h"

#include <algorithm>

namespace spheres {

QList<int> SourceNumbering::cite(const QList<Source> &sources)
{
    QList<int> numbers;
    for (const Source &source : sources) {
        qsizetype index = m_sources.indexOf(source);
        if (index < 0) {
            index = m_sources.size();
            m_sources << source;
        }
        if (!numbers.contains(int(index) + 1))
            numbers << int(index) + 1;
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

QString SourceNumbering::ranges(const QList<int> &numbers)
{
    QStringList parts;
    for (qsizetype i = 0; i < numbers.size();) {
        qsizetype end = i;
        while (end + 1 < numbers.size() && numbers[end + 1] == numbers[end] + 1)
            ++end;
        if (end - i >= 2) {
            parts << QStringLiteral("%1–%2").arg(numbers[i]).arg(numbers[end]);
        } else {
            for (qsizetype k = i; k <= end; ++k)
                parts << QString::number(numbers[k]);
        }
        i = end + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QString SourceNumbering::describe(const Source &source)
{
    QStringList parts{source.title};
    if (!source.publisher.isEmpty())
        parts << source.publisher;
    if (!source.date.isEmpty())
        parts << source.date;
    QString text = parts.join(QStringLiteral(", "));
    if (!source.url.isEmpty())
        text += QStringLiteral(". ") + source.url;
    return text;
}

} // namespace spheres
