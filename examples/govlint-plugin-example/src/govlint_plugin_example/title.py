"""EX101: the report title names the agency that publishes it."""

from __future__ import annotations

from govlint.rule import Paragraph, Rule, label_key

# What stands where the agency's name should: a pronoun, not a name.
_PRONOUNS = ("本机关", "本单位", "本部门", "本局", "本委", "本办", "本厅", "本院", "我局", "我委", "我办", "我厅", "我单位")
_REPORT_NAME = label_key("政府信息公开工作年度报告")


class TitleNamesAgency(Rule):
    """The report's title names the agency that publishes it, e.g.
    「淮安市人民政府办公室2024年政府信息公开工作年度报告」.

    Why: the 政府信息公开工作主管部门 publishes the reports of every agency and of the lower
    governments centrally, in the 政府信息公开 column of its portal (F21 §二(一)), hundreds side
    by side; a title such as 「2024年政府信息公开工作年度报告」 or 「本局2024年…」 cannot be told
    apart there. The format does not prescribe the title's wording, so this is a warning, a
    judgement, not an error.

    It reports a title line that names the report but no agency, and a title whose agency is a
    pronoun (本局, 我委, …).

    Example: a report titled 「2024年政府信息公开工作年度报告」 gives
    ``EX101 warning 标题未写明发布机关：“2024年政府信息公开工作年度报告”。``
    """

    code = "EX101"
    name = "title-names-agency"
    family = "example"
    severity = "warning"

    def check(self, doc, ctx):
        if doc.agency is not None and doc.title is not None:
            if doc.agency.value.startswith(_PRONOUNS):
                yield ctx.report(
                    zh=f"标题中的发布机关写成了代称“{doc.agency.value}”，应写明机关全称。",
                    en=f"The title names the agency by a pronoun, “{doc.agency.value}”: write the agency's full name.",
                    span=doc.agency.span,
                    anchor=doc.title.raw,
                )
            return
        for paragraph in (block for block in doc.preamble if isinstance(block, Paragraph)):
            if _REPORT_NAME in label_key(paragraph.text):
                title = paragraph.text.strip()
                yield ctx.report(
                    zh=f"标题未写明发布机关：“{title}”。",
                    en=f"The title does not name the publishing agency: “{title}”.",
                    span=paragraph.span,
                    anchor=title,
                )
                return
