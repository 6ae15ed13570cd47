"""Plan parsing layer: names of central organs, to find where a unit list begins.

Where a table's cells ran together ("…科技成果包科技部会同有关部门"), nothing but the names
themselves tells the task from its units. These are the organs of the State Council and the
bodies national plans name most (under their current and earlier short names); a provincial
or lower unit is recognised by its level prefix and organ word instead.
"""

from __future__ import annotations

import re

CENTRAL_ORGANS = frozenset(
    """
    外交部 国防部 国家发展改革委 国家发展和改革委员会 教育部 科技部 工业和信息化部 工信部 国家民委
    公安部 国家安全部 民政部 司法部 财政部 人力资源社会保障部 人社部 自然资源部 国土资源部
    生态环境部 环境保护部 住房城乡建设部 住房和城乡建设部 交通运输部 水利部 农业农村部 农业部
    商务部 文化和旅游部 文化部 国家卫生健康委 国家卫生计生委 卫生计生委 退役军人事务部 应急管理部
    人民银行 中国人民银行 审计署 国务院国资委 国资委 海关总署 税务总局 国家税务总局 市场监管总局
    工商总局 质检总局 广电总局 新闻出版广电总局 体育总局 国家体育总局 国家统计局 统计局
    国家知识产权局 知识产权局 国家旅游局 中科院 中国科学院 工程院 中国工程院 社科院 中国社科院
    自然科学基金会 国家自然科学基金委 中国科协 全国总工会 共青团中央 全国妇联 中国残联 全国工商联
    银监会 保监会 证监会 银保监会 国家外汇局 国家能源局 国家国防科工局 国防科工局 国家林草局
    国家林业局 国家邮政局 国家移民局 国家外专局 国家铁路局 民航局 中国民航局 国家文物局
    国家中医药局 国家药监局 食品药品监管总局 国家粮食和储备局 国家粮食局 国家网信办 中央网信办
    中央组织部 中央宣传部 中央编办 中央军委后勤保障部 最高人民法院 最高人民检察院 国务院法制办
    国务院港澳办 国务院台办 国务院侨办 国管局 国务院扶贫办 中国铁路总公司 国铁集团 供销合作总社
    国家开发银行 进出口银行 农业发展银行 国家医保局 国家乡村振兴局 国家数据局 国家标准委 国家认监委
    """.split()
)
_BY_LENGTH = sorted(CENTRAL_ORGANS, key=len, reverse=True)
#: 省发展改革委, 市财政局, 县人民政府 …: a level, a short name, an organ word.
_LEVELLED = re.compile(r"^(省|市|县|自治区)[\u4e00-\u9fff]{1,12}?(厅|委|局|办|部|院|会|政府|中心)")


#: Words that end in a level character without naming a level (城市, 全省 …).
_NOT_A_LEVEL = ("城市", "都市", "全市", "全省", "全县", "本市", "本省", "各市", "各省", "各县")


def starts_with_known_organ(text: str, before: str = "") -> bool:
    """``text`` begins with a central organ's name or a levelled organ ("省发展改革委");
    ``before`` is the character in front of it, so "城市科技局" is not read as 市科技局."""
    if (before + text[:1]) in _NOT_A_LEVEL:
        return False
    return any(text.startswith(name) for name in _BY_LENGTH) or bool(_LEVELLED.match(text))
