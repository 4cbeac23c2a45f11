"""Reading order of dumps: clear news cues restore the lead; ordered text is left alone."""

from __future__ import annotations

from zixun.stages.order import restore_order

ORDERED = [
    "5月12日，滨海市首座海上风电场并网发电，年发电量预计可达12亿千瓦时。",
    "当天，风电场运营方滨海能源集团在并网仪式上表示，项目共安装50台风电机组，总投资约70亿元。",
    "此外，滨海能源集团透露，二期项目已完成海域勘测，计划明年开工建设风电机组。",
    "接下来，滨海市将继续推进海上风电与海洋牧场融合发展，打造沿海清洁能源基地。",
]


def test_shuffled_dump_gets_its_lead_back() -> None:
    shuffled = [ORDERED[2], ORDERED[3], ORDERED[1], ORDERED[0]]
    out = restore_order(shuffled)
    assert out[0] == ORDERED[0]
    assert out[1] == ORDERED[1]
    assert sorted(out) == sorted(ORDERED)


def test_ordered_text_is_kept() -> None:
    assert restore_order(ORDERED) == ORDERED
    assert restore_order(ORDERED[:2]) == ORDERED[:2]
