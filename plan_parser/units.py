"""Plan parsing layer: unit names in an assignment list (前缀承接, 去重, 集合单位)."""

from __future__ import annotations

import re

#: Level prefixes that carry over along a list: "省编办、知识产权局" → 省知识产权局.
_LEVEL_PREFIXES = ("自治区", "国家", "中央", "全国", "省", "市", "县", "区", "州", "盟", "旗")
#: A name containing one of these names its own organ and takes no carried prefix.
_SELF_STANDING = (
    "海关",
    "银行",
    "集团",
    "公司",
    "大学",
    "学院",
    "法院",
    "检察院",
    "军区",
    "警备区",
    "武警",
    "总队",
    "铁路局",
    "邮政管理局",
    "通信管理局",
    "监管局",
    "分局",
    "中心支行",
)
#: Collective references ("其他各成员单位", "各有关部门") are one unit marked as a group.
_GROUP_MARKERS = (
    "成员单位",
    "有关部门",
    "有关单位",
    "相关部门",
    "相关单位",
    "各部门",
    "各单位",
    "各市",
    "各县",
    "各地",
    "各级",
    "各区",
)
_SELF_PREFIX_STARTS = ("各", "有关", "相关", "其他", "其它")
_TRAILING_ETC = re.compile(r"(等(有关|相关)?(部门|单位)?|等)$")
_UNIT_SPLIT = re.compile(r"[、/]|和(?=省|市|县)")
#: Endings that make a string look like an office, used where no role word proves it.
UNIT_ENDINGS = (
    "局",
    "厅",
    "委",
    "办",
    "部",
    "院",
    "会",
    "署",
    "关",
    "行",
    "中心",
    "政府",
    "小组",
    "单位",
    "部门",
    "公司",
    "集团",
    "室",
    "处",
    "所",
    "队",
    "站",
    "社",
    "馆",
    "校",
    "团",
    "组",
    "府",
    "庭",
    "司",
    "联",
    "协",
    "军",
    "区",
    "盟",
    "旗",
)


def level_prefix(name: str) -> str | None:
    for prefix in _LEVEL_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return prefix
    return None


def is_group(name: str) -> bool:
    return any(marker in name for marker in _GROUP_MARKERS)


def has_own_organ(name: str) -> bool:
    return (
        level_prefix(name) is not None
        or name.startswith(_SELF_PREFIX_STARTS)
        or any(marker in name for marker in _SELF_STANDING)
        or is_group(name)
    )


def looks_like_unit(name: str) -> bool:
    name = strip_etc(name.strip())
    return 2 <= len(name) <= 40 and (name.endswith(UNIT_ENDINGS) or is_group(name))


def strip_etc(name: str) -> str:
    """Trailing 等 / 等有关部门 are not units ("省公安厅等有关部门" → 省公安厅)."""
    stripped = _TRAILING_ETC.sub("", name).strip()
    return stripped or name


def split_unit_list(text: str, carried_prefix: str | None) -> tuple[list[str], str | None]:
    """Split "省编办、知识产权局、工商局" into full names; return them and the prefix to carry."""
    names: list[str] = []
    prefix = carried_prefix
    for raw in _UNIT_SPLIT.split(text):
        name = strip_etc(re.sub(r"\s+", "", raw)).strip("，,；;：:。")
        if not name or name in ("等", "有关部门等"):
            continue
        own = level_prefix(name)
        if own is not None:
            prefix = own
        elif prefix is not None and not has_own_organ(name):
            name = prefix + name
        names.append(name)
    return names, prefix


#: Verbs that belong to a sentence, not to an organ's name ("研究落实", "会同有关部门").
_SENTENCE_VERBS = (
    "落实",
    "研究",
    "会同",
    "推进",
    "推动",
    "组织",
    "开展",
    "加强",
    "完成",
    "制定",
    "出台",
    "实施",
    "建立",
    "负责",
    "牵头",
    "配合",
    "确保",
    "要求",
    "做好",
)
#: Organs whose names contain one of the verbs above and are still organs.
_VERB_IN_NAME = ("研究院", "研究所", "研究中心", "实施办", "组织部", "推进办", "落实办")
_COMMITTEES = ("小组", "委员会", "联席会议", "指挥部", "办公室")
MAX_UNIT_NAME = 30


def doubtful_unit_reason(name: str) -> str | None:
    """Why ``name`` does not look like an organ, in Chinese; None when it does."""
    if len(name) > MAX_UNIT_NAME:
        return f"名称过长（{len(name)} 个字）"
    # Committees are named after their work ("…战略制定和实施工作领导小组"): only what
    # follows the committee's own name can be a sentence.
    cleaned = re.split("|".join(_COMMITTEES), name)[-1]
    for organ in _VERB_IN_NAME:
        cleaned = cleaned.replace(organ, "")
    verb = next((v for v in _SENTENCE_VERBS if v in cleaned), None)
    if verb is not None:
        return f"含有动词“{verb}”，像是一句话而不是单位名称"
    if len(name) < 2:
        return "名称过短"
    organ_like = name.endswith(UNIT_ENDINGS) or any(m in name for m in _SELF_STANDING)
    if not (organ_like or is_group(name)):
        return "不像机关或单位的名称"
    return None
