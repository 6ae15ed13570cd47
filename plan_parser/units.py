"""Plan parsing layer: unit names in an assignment list (前缀承接, 去重, 集合单位)."""

from __future__ import annotations

import re

#: Level prefixes that carry over along a list: "省编办、知识产权局" → 省知识产权局.
CARRIED_PREFIXES = ("自治区", "省", "市", "县", "区", "州", "盟", "旗")
#: National prefixes name one organ and never carry: 财政部 is never 国家财政部.
_NATIONAL_PREFIXES = ("国家", "中央", "全国", "国务院", "中国")
#: Words that begin with a level character without being levelled (市场监管总局, 县级市).
_NOT_LEVELLED = ("市场", "县级", "区域", "省级", "市级", "州级", "区级", "县域")
#: A name that starts with a place names its own organ (河北银保监局, 雄安新区管委会).
_PLACE_RE = re.compile(
    r"^(北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    r"湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|雄安|"
    r"哈尔滨|石家庄|人行|人民银行)"
)
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
    "银保监",
    "证监",
    "分局",
    "中心支行",
    "管委会",
    "省委",
    "市委",
    "县委",
    "区委",
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
    "各省",
    "有关市",
    "有关县",
    "试点城市",
    "地方",
)
_SELF_PREFIX_STARTS = ("各", "有关", "相关", "其他", "其它", "所在", "试点")
#: "等", "等部门", "等有关部门", "等部门和单位": the list's "and others", not a unit.
_TRAILING_ETC = re.compile(r"等(?:有关|相关)?(?:部门|单位)?(?:和(?:有关|相关)?(?:部门|单位))?$")
#: Joiners inside a list ("…等部门和各省级人民政府", "省商务厅和省有关单位"); a split
#: is made only where both sides look like units, so 工业和信息化厅 stays whole.
_JOINERS = re.compile(r"以及|和|及|与")
#: "各市", "各区", "各县（市）": the start of a collective that goes on after 、 (各市、县政府).
_PLACE_LEVELS = r"(?:自治区|直辖市|自治州|计划单列市|副省级城市|地区|新区|省|市|县|区|州|盟|旗)"
_BRACKETED = r"(?:（[^）]*）|\([^)]*\))?"
_OPEN_COLLECTIVE = re.compile(rf"^各(?:{_PLACE_LEVELS}{_BRACKETED}、?)+$")
#: What goes on after such a head: another level, then maybe the organ (县政府, 直辖市人民政府).
_COLLECTIVE_GOES_ON = re.compile(rf"^{_PLACE_LEVELS}")
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


#: Owners that carry along a list like a level: "各市人社局、财政局" → 各市财政局,
#: "雄安新区公共服务局、改革发展局" → 雄安新区改革发展局.
_OWNER_RE = re.compile(r"^(各(?:省|市|县|区|地)|有关市|[\u4e00-\u9fff]{2,3}新区)(?=.{2,})")
#: Departments of a party committee: after "省委组织部", "宣传部" is 省委宣传部.
_PARTY_DEPARTMENT = re.compile(r"^(组织部|宣传部|统战部|政法委|编办|网信办|外办|农办|财办|深改办)$")


def owner_prefix(name: str) -> str | None:
    """The part of ``name`` that a following bare organ name shares, if any."""
    m = _OWNER_RE.match(name)
    if m and not _OPEN_COLLECTIVE.match(name):
        return m.group(1)
    own = level_prefix(name)
    return own if own in CARRIED_PREFIXES else None


def level_prefix(name: str) -> str | None:
    if name.startswith(_NOT_LEVELLED):
        return None
    for prefix in (*CARRIED_PREFIXES, *_NATIONAL_PREFIXES):
        if name.startswith(prefix) and len(name) > len(prefix):
            return prefix
    return None


def is_group(name: str) -> bool:
    return any(marker in name for marker in _GROUP_MARKERS)


def has_own_organ(name: str) -> bool:
    return (
        level_prefix(name) is not None
        or name.startswith(_SELF_PREFIX_STARTS)
        or bool(_PLACE_RE.match(name))
        or any(marker in name for marker in _SELF_STANDING)
        or is_group(name)
    )


def looks_like_unit(name: str) -> bool:
    name = _drop_scope(strip_etc(name.strip()))
    if name in ("单位", "部门", "政府", "机关"):
        return False  # "各有关部门和单位": the tail of one collective, not a unit of its own
    return 2 <= len(name) <= 40 and (name.endswith(UNIT_ENDINGS) or is_group(name))


def strip_etc(name: str) -> str:
    """Trailing 等 / 等有关部门 are not units ("省公安厅等有关部门" → 省公安厅)."""
    stripped = _TRAILING_ETC.sub("", name).strip()
    return stripped or name


def split_top_level(text: str, separators: str) -> list[str]:
    """Split at ``separators`` outside brackets: "各县（市、区）政府、省财政厅" → two parts."""
    parts: list[str] = []
    depth, current = 0, ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _drop_scope(name: str) -> str:
    """ "省交通运输厅（其他交通运输项目）" → 省交通运输厅: a trailing bracket says what for."""
    m = re.match(r"^(.+?)[（(][^（）()]*[）)]$", name)
    if m and m.group(1).endswith(UNIT_ENDINGS):
        return m.group(1)
    return name


def _raw_names(text: str) -> list[str]:
    parts = [re.sub(r"\s+", "", p) for p in split_top_level(text, "、/")]
    # "各市、县政府", "各区、县级市": a collective whose head runs on after 、 stays whole.
    merged: list[str] = []
    for part in parts:
        if merged and _OPEN_COLLECTIVE.match(merged[-1]) and _COLLECTIVE_GOES_ON.match(part):
            merged[-1] += "、" + part
        else:
            merged.append(part)
    names: list[str] = []
    for name in merged:
        names.extend(_split_joined(name))
    return names


def _split_joined(name: str) -> list[str]:
    """ "省商务厅和省有关单位" → two units; "工业和信息化厅" stays one (工业 is no unit)."""
    for m in _JOINERS.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        if _depth_at(name, m.start()) == 0 and looks_like_unit(left) and looks_like_unit(right):
            return [left, *_split_joined(right)]
    return [name]


def _depth_at(text: str, index: int) -> int:
    depth = 0
    for ch in text[:index]:
        depth += 1 if ch in "（(" else -1 if ch in "）)" and depth else 0
    return depth


def split_unit_list(text: str, carried_prefix: str | None) -> tuple[list[str], str | None]:
    """Split "省编办、知识产权局、工商局" into full names; return them and the prefix to carry."""
    names: list[str] = []
    prefix = carried_prefix
    for raw in _raw_names(text):
        name = _drop_scope(strip_etc(raw).strip("，,；;：:。"))
        if name.startswith("由") and len(name) > 3:
            name = name[1:]  # "由市金融局…": the preposition is not part of the name
        if not name or name in ("等", "有关部门等"):
            continue
        owner = owner_prefix(name)
        if owner is not None:
            prefix = owner
        elif level_prefix(name) is None and prefix is not None and not has_own_organ(name):
            party = names and names[-1].startswith(prefix + "委") and _PARTY_DEPARTMENT.match(name)
            name = prefix + ("委" if party else "") + name
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
